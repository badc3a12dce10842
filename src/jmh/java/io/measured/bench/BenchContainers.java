package io.measured.bench;

import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.cdi.BindingResolver;
import io.measured.internal.cdi.MeasuredExtension;
import io.measured.internal.cdi.LifecycleInterceptor;
import io.measured.internal.cdi.MeasuredInterceptor;
import io.measured.internal.cdi.MetricsBufferProducer;
import io.measured.internal.cdi.RecordingFailures;
import io.measured.internal.config.MapConfig;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Weld SE containers with the library's beans plus a benchmark's own: a minimal one (no discovery,
 * the library's beans named, settings given), and one started as a user's application starts
 * ({@link #startAsUser}).
 */
final class BenchContainers {

    private BenchContainers() {
    }

    static WeldContainer start(String samplingRate, Class<?>... beans) {
        return start(Map.of("measured.sampling.rate", samplingRate), beans);
    }

    static WeldContainer start(Map<String, String> settings, Class<?>... beans) {
        return new Weld().disableDiscovery().containerId(null)
                .addExtension(new MeasuredExtension(new MapConfig(settings)))
                .addBeanClasses(MetricsBufferProducer.class, MeasuredInterceptor.class, LifecycleInterceptor.class, BindingResolver.class,
                        RecordingFailures.class, ActiveSettings.class)
                .addBeanClasses(beans)
                .initialize();
    }

    /**
     * As a user's application starts: full bean discovery, which finds the library's bean archive in
     * its jar (the {@code jmh} profile runs with the jar, not {@code target/classes}) and its
     * extension through {@code META-INF/services}; settings from the default sources (system
     * properties here, set while the container starts, read by the extension then).
     */
    static WeldContainer startAsUser(Map<String, String> settings, Class<?>... beans) {
        settings.forEach(System::setProperty);
        try {
            return new Weld().addBeanClasses(beans).initialize();
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }
}
