package io.measured.internal.cdi;

import io.measured.internal.config.ExpectedErrors;
import io.measured.internal.config.InvalidConfigurationException;
import io.measured.internal.config.MeasuredSettings;
import io.measured.internal.config.RawConfig;
import io.measured.internal.config.SettingsReader;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's settings and the exception classes {@code measured.errors.expected} names, both
 * checked: the bean whichever extension the container runs offers ({@link MeasuredExtension} or
 * {@link MeasuredLiteExtension}), so no bean depends on either. Immutable.
 *
 * @param settings the validated {@code measured.*} settings
 * @param expectedErrors the exception classes of normal flow, loaded from the application's class loader
 */
public record CheckedSettings(MeasuredSettings settings, List<Class<? extends Throwable>> expectedErrors) {

    private static final Logger LOG = Logger.getLogger(MeasuredExtension.class.getName());
    /**
     * Per application class loader, the last problem logged: a CDI Lite container tries the
     * settings bean again on every thread that needs it while the start fails (Quarkus: the pool,
     * the persistence unit, the main thread), and the log should say it once. Weak keys: an
     * undeployed application's loader goes.
     */
    private static final Map<ClassLoader, String> LOGGED = Collections.synchronizedMap(new WeakHashMap<>());

    public CheckedSettings {
        expectedErrors = List.copyOf(expectedErrors);
    }

    /**
     * Reads and checks them, the same way in every container, and says so in the application's
     * log: the settings read, or every problem found, before the failure reaches the container (once
     * per application class loader for the same problems, however often the container asks).
     *
     * @param application the class loader the expected exception classes are loaded from
     * @throws InvalidConfigurationException after logging its message, when the configuration is invalid
     */
    static CheckedSettings read(RawConfig config, ClassLoader application) {
        try {
            MeasuredSettings settings = SettingsReader.read(config);
            List<Class<? extends Throwable>> expected = ExpectedErrors.load(settings.expectedErrors(), application);
            LOG.log(Level.INFO, "measured: settings {0}", settings);
            return new CheckedSettings(settings, expected);
        } catch (InvalidConfigurationException e) {
            if (!e.getMessage().equals(LOGGED.put(application, e.getMessage()))) {
                LOG.log(Level.SEVERE, e.getMessage());
            }
            throw e;
        }
    }

    /** The application's own class loader: the thread's context class loader while its container starts. */
    static ClassLoader applicationClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : CheckedSettings.class.getClassLoader();
    }
}
