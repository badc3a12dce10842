package io.measured.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the {@link MeasuredDriver} registered with {@link DriverManager} while the application
 * that packages this library runs. When the application starts, it registers the driver of the
 * application's own class loader, so {@code DriverManager.getConnection("jdbc:measured:...")}
 * finds it on every server: a driver's class registers itself when first used, and DriverManager
 * offers the drivers of {@code META-INF/services} only through the class loader it first ran under,
 * which on the GlassFish family is a throwaway loader of the first deployment, not the
 * application's. When the application ends, it deregisters the driver, since DriverManager,
 * which lives as long as the JVM, would otherwise keep the application's class loader (servers
 * report that as a leak and deregister it themselves, with a warning).
 *
 * <p>Only the application whose own class loader holds the driver deregisters it, seen as the
 * thread's context class loader while its context ends: a library installed beside several
 * applications (a server's shared library) stays registered for the others, and one on the JVM's
 * class path, which outlives every container, is never deregistered. Thread-safe.
 */
@Dependent
final class DriverRegistration {

    private static final Logger LOG = Logger.getLogger(DriverRegistration.class.getName());

    static void applicationStarts(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        register();
    }

    /** Registers this class loader's driver unless an instance of it is registered already; reports, never throws. */
    static void register() {
        new MeasuredDriver(); // the first use of the class registers one instance
        if (registered().isEmpty()) { // this loader's driver was deregistered since, as when an earlier container ended
            try {
                DriverManager.registerDriver(new MeasuredDriver());
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "measured: could not register " + MeasuredDriver.class.getName()
                        + " with java.sql.DriverManager; jdbc:measured: URLs will not be found there", e);
            }
        }
    }

    static void applicationEnds(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        if (ownedByEndingApplication(MeasuredDriver.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader())) {
            deregister();
        }
    }

    /**
     * Whether the application ending, whose class loader is {@code context}, is the driver's only
     * user: it loaded the driver itself, and that loader is not the JVM's.
     */
    static boolean ownedByEndingApplication(ClassLoader driverLoader, ClassLoader context) {
        return driverLoader != null && driverLoader == context && !DriverSelfRegistration.isJvms(driverLoader);
    }

    /** Deregisters every instance of this class loader's driver; reports, never throws. */
    static void deregister() {
        for (Driver driver : registered()) {
            try {
                DriverManager.deregisterDriver(driver);
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "measured: could not deregister " + driver.getClass().getName()
                        + " from java.sql.DriverManager as the application ends; the server may report it", e);
            }
        }
    }

    /** The registered instances of this class loader's driver. */
    private static List<Driver> registered() {
        return DriverManager.drivers().filter(driver -> driver.getClass() == MeasuredDriver.class).toList();
    }
}
