package io.measured;

import io.measured.internal.cdi.MeasuredLiteExtension;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;

/**
 * The extension as a CDI Lite container sees it. Weld runs portable extensions, so it skips
 * every build-compatible extension that names one in {@code @SkipIfPortableExtensionPresent};
 * that annotation is not inherited, so this subclass is run. Weld looks for extension methods
 * among a class's own, hence the override.
 */
public class AsInCdiLite extends MeasuredLiteExtension {

    @Override
    @Synthesis
    public void synthesise(SyntheticComponents components) {
        super.synthesise(components);
    }
}
