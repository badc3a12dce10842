package io.measured.internal.cdi;

import io.measured.internal.config.ConfigSources;
import io.measured.internal.config.InvalidConfigurationException;
import io.measured.internal.config.RawConfig;
import io.measured.Measured;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * The portable extension (CDI Full: every EE server): reads and checks the {@code measured.*}
 * settings once per container, binds the lifecycle callbacks of class-bound beans to
 * {@link LifecycleInterceptor}, offers them as the {@link CheckedSettings} bean, and fails the
 * deployment when they hold an unknown key, an invalid value or an expected exception class the
 * application cannot load. One instance lives exactly as long as its container, so settings never
 * leak from one deployment into the next. CDI Lite containers (Quarkus) do the same through
 * {@link MeasuredLiteExtension}; no bean depends on either one.
 */
public class MeasuredExtension implements Extension {

    private final Supplier<RawConfig> source;
    /** The application's, seen while the container starts: where the expected exceptions are loaded from. */
    private final ClassLoader application = CheckedSettings.applicationClassLoader();
    private volatile CheckedSettings checked;

    /** Used by the container: reads MicroProfile Config, or its default sources, of the application. */
    public MeasuredExtension() {
        this(() -> ConfigSources.forClassLoader(CheckedSettings.applicationClassLoader()));
    }

    /** Reads the given configuration instead of the application's. */
    public MeasuredExtension(RawConfig config) {
        this(() -> config);
    }

    private MeasuredExtension(Supplier<RawConfig> source) {
        this.source = source;
    }

    /** Binds the lifecycle callbacks of class-bound beans to their own interceptor ({@link MeasuredLifecycle}). */
    <T> void markClassBound(@Observes @WithAnnotations({Measured.class, PostConstruct.class, PreDestroy.class})
            ProcessAnnotatedType<T> event) {
        if (LifecycleMarking.classBound(event.getAnnotatedType().getAnnotations())) {
            event.configureAnnotatedType().add(MeasuredLifecycle.Literal.INSTANCE);
        }
    }

    void offerSettings(@Observes AfterBeanDiscovery event) {
        event.addBean().types(CheckedSettings.class, Object.class).scope(Singleton.class)
                .beanClass(MeasuredExtension.class).createWith(context -> checked());
    }

    void validate(@Observes AfterDeploymentValidation event) {
        try {
            checked();
        } catch (InvalidConfigurationException e) {
            event.addDeploymentProblem(e);
        }
    }

    /**
     * Returns the checked settings, reading them on first use.
     *
     * @throws InvalidConfigurationException when the configuration is invalid
     */
    CheckedSettings checked() {
        CheckedSettings read = checked;
        if (read == null) {
            synchronized (this) {
                read = checked;
                if (read == null) {
                    read = CheckedSettings.read(source.get(), application);
                    checked = read;
                }
            }
        }
        return read;
    }
}
