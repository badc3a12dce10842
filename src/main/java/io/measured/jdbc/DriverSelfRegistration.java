package io.measured.jdbc;

import java.util.Set;

/**
 * Whether {@link MeasuredDriver}'s class registers an instance of itself as it is initialized, as
 * JDBC drivers do. It does, except where that would register it from a class loader the server
 * throws away: when {@link java.sql.DriverManager} is loading its service drivers for the first
 * time, through a class loader that is not the JVM's, in an application with CDI. The GlassFish
 * family does exactly that while it deploys an application's persistence unit, under a temporary
 * copy of the application's class loader, and later reports the driver that copy registered as a
 * leak (and deregisters it). The application's own class loader registers its driver as the
 * application starts ({@link DriverRegistration}), so nothing is missed there; a driver on the
 * JVM's class path, or in an application without CDI (a pool given only a {@code jdbc:measured:}
 * URL), still registers itself. Stateless.
 */
final class DriverSelfRegistration {

    private static final String DRIVER_MANAGER = "java.sql.DriverManager";
    /** DriverManager's loading of its service drivers, once per JVM (JDK 9 and later; JDK 8's name). */
    private static final Set<String> FIRST_LOADING = Set.of("ensureDriversInitialized", "loadInitialDrivers");
    /** Looked up as a resource: loading the class would need the rest of the CDI API to link. */
    private static final String CDI = "jakarta/enterprise/inject/spi/CDI.class";

    private DriverSelfRegistration() {
    }

    /** Whether the class {@code driver}, being initialized now, should register an instance. */
    static boolean registersItself(Class<?> driver) {
        ClassLoader loader = driver.getClassLoader();
        return loader == null || isJvms(loader) || !loadedByDriverManager() || !sees(loader, CDI);
    }

    /** Whether {@code loader} is the JVM's application class loader or one of its parents. */
    static boolean isJvms(ClassLoader loader) {
        for (ClassLoader jvm = ClassLoader.getSystemClassLoader(); jvm != null; jvm = jvm.getParent()) {
            if (jvm == loader) {
                return true;
            }
        }
        return false;
    }

    private static boolean loadedByDriverManager() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(frame -> frame.getClassName().equals(DRIVER_MANAGER)
                && FIRST_LOADING.contains(frame.getMethodName())));
    }

    private static boolean sees(ClassLoader loader, String resource) {
        try {
            return loader.getResource(resource) != null;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }
}
