package io.measured.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deregisters the {@link MeasuredDriver} from {@link DriverManager} when the application that
 * packages this library ends: the driver registers itself when its class is first used, and
 * DriverManager, which lives as long as the JVM, would otherwise keep the application's class
 * loader (servers report that as a leak and deregister it themselves, with a warning).
 *
 * <p>Only the application whose own class loader holds the driver does so, seen as the thread's
 * context class loader while its context ends: a library installed beside several applications
 * (a server's shared library) stays registered for the others, and one on the JVM's class path,
 * which outlives every container, is never deregistered. Thread-safe.
 */
@Dependent
final class DriverDeregistration {

    private static final Logger LOG = Logger.getLogger(DriverDeregistration.class.getName());

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
        if (driverLoader == null || driverLoader != context) {
            return false;
        }
        for (ClassLoader jvm = ClassLoader.getSystemClassLoader(); jvm != null; jvm = jvm.getParent()) {
            if (jvm == driverLoader) {
                return false;
            }
        }
        return true;
    }

    /** Deregisters every instance of this class loader's driver; reports, never throws. */
    static void deregister() {
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass() == MeasuredDriver.class) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException | RuntimeException e) {
                    LOG.log(Level.WARNING, "measured: could not deregister " + driver.getClass().getName()
                            + " from java.sql.DriverManager as the application ends; the server may report it", e);
                }
            }
        }
    }
}
