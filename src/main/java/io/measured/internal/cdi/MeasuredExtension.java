package io.measured.internal.cdi;

import io.measured.internal.config.ConfigSources;
import io.measured.internal.config.ExpectedErrors;
import io.measured.internal.config.InvalidConfigurationException;
import io.measured.internal.config.MeasuredSettings;
import io.measured.internal.config.RawConfig;
import io.measured.internal.config.SettingsReader;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads and validates the {@code measured.*} settings once per container, and fails the deployment
 * when they hold an unknown key or an invalid value. One instance lives exactly as long as its
 * container, so settings never leak from one deployment into the next.
 */
public class MeasuredExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(MeasuredExtension.class.getName());

    private final Supplier<RawConfig> source;
    /** The application's, seen while the container starts: where the expected exceptions are loaded from. */
    private final ClassLoader application = applicationClassLoader();
    private volatile MeasuredSettings settings;
    private volatile List<Class<? extends Throwable>> expectedErrors;

    /** Used by the container: reads MicroProfile Config, or its default sources, of the application. */
    public MeasuredExtension() {
        this(() -> ConfigSources.forClassLoader(applicationClassLoader()));
    }

    /** Reads the given configuration instead of the application's. */
    public MeasuredExtension(RawConfig config) {
        this(() -> config);
    }

    private MeasuredExtension(Supplier<RawConfig> source) {
        this.source = source;
    }

    private static ClassLoader applicationClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : MeasuredExtension.class.getClassLoader();
    }

    void validate(@Observes AfterDeploymentValidation event) {
        try {
            MeasuredSettings read = settings();
            expectedErrors();
            LOG.log(Level.INFO, "measured: {0}", read);
        } catch (InvalidConfigurationException e) {
            LOG.log(Level.SEVERE, e.getMessage());
            event.addDeploymentProblem(e);
        }
    }

    /**
     * Returns the settings, reading them on first use.
     *
     * @throws InvalidConfigurationException when the configuration is invalid
     */
    public MeasuredSettings settings() {
        MeasuredSettings read = settings;
        if (read == null) {
            synchronized (this) {
                read = settings;
                if (read == null) {
                    read = SettingsReader.read(source.get());
                    settings = read;
                }
            }
        }
        return read;
    }

    /**
     * Returns the exception classes {@code measured.errors.expected} names, loading them on first use.
     *
     * @throws InvalidConfigurationException when a class cannot be loaded or is no exception
     */
    public List<Class<? extends Throwable>> expectedErrors() {
        List<Class<? extends Throwable>> loaded = expectedErrors;
        if (loaded == null) {
            loaded = ExpectedErrors.load(settings().expectedErrors(), application);
            expectedErrors = loaded;
        }
        return loaded;
    }
}
