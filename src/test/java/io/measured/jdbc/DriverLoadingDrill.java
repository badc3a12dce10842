package io.measured.jdbc;

import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a JVM of its own by {@link DriverSelfRegistrationTest}, since DriverManager loads its
 * service drivers once per JVM: an application class loader of the library's classes (and, when
 * asked, the CDI API), not the JVM's, is the thread's context class loader when DriverManager is
 * first used, as on the GlassFish family while it deploys a persistence unit. Prints how many
 * drivers of that loader DriverManager holds then, and after the application's start registers its
 * own. Needs {@code --add-opens java.sql/java.sql=ALL-UNNAMED} to read DriverManager's list.
 */
public final class DriverLoadingDrill {

    private DriverLoadingDrill() {
    }

    /** @param args the library's classes directory, then the CDI API jar or "none" */
    public static void main(String[] args) throws Exception {
        List<URL> urls = new ArrayList<>(List.of(Path.of(args[0]).toUri().toURL()));
        if (!args[1].equals("none")) {
            urls.add(Path.of(args[1]).toUri().toURL());
        }
        try (URLClassLoader application = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(application);
            DriverManager.getDrivers(); // the first use: DriverManager loads the services the context loader offers
            System.out.println("after DriverManager's first loading: " + driversOf(application));
            Class<?> registration = Class.forName("io.measured.jdbc.DriverRegistration", true, application);
            var register = registration.getDeclaredMethod("register");
            register.setAccessible(true);
            register.invoke(null);
            System.out.println("after the application's start: " + driversOf(application));
        }
    }

    private static long driversOf(ClassLoader loader) throws ReflectiveOperationException {
        Field list = DriverManager.class.getDeclaredField("registeredDrivers");
        list.setAccessible(true);
        long count = 0;
        for (Object info : (Iterable<?>) list.get(null)) {
            Field field = info.getClass().getDeclaredField("driver");
            field.setAccessible(true);
            Driver driver = (Driver) field.get(info);
            if (driver.getClass().getName().equals(MeasuredDriver.class.getName()) && driver.getClass().getClassLoader() == loader) {
                count++;
            }
        }
        return count;
    }
}
