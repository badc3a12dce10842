package io.measured.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.Collections;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DriverDeregistrationTest {

    @Nested
    @DisplayName("which application owns the driver")
    class Ownership {

        private final URLClassLoader application = new URLClassLoader(new URL[0], ClassLoader.getSystemClassLoader());

        @Test
        @DisplayName("the application whose own class loader holds it, ending on its own thread")
        void theApplicationsOwnLoader() {
            assertThat(DriverDeregistration.ownedByEndingApplication(application, application)).isTrue();
        }

        @Test
        @DisplayName("not while another application's context ends (a server's shared library)")
        void notAnotherApplication() {
            URLClassLoader other = new URLClassLoader(new URL[0], application);
            assertThat(DriverDeregistration.ownedByEndingApplication(application, other)).isFalse();
            assertThat(DriverDeregistration.ownedByEndingApplication(application, null)).isFalse();
        }

        @Test
        @DisplayName("never the JVM's own class loaders, which outlive every container")
        void neverTheJvms() {
            ClassLoader system = ClassLoader.getSystemClassLoader();
            assertThat(DriverDeregistration.ownedByEndingApplication(system, system)).isFalse();
            ClassLoader platform = ClassLoader.getPlatformClassLoader();
            assertThat(DriverDeregistration.ownedByEndingApplication(platform, platform)).isFalse();
            assertThat(DriverDeregistration.ownedByEndingApplication(null, null)).isFalse();
        }
    }

    @Test
    @DisplayName("a driver on the JVM's class path stays registered when a container ends")
    void classPathDriverStays() {
        new MeasuredDriver(); // its class registers one instance when first used
        DriverDeregistration.applicationEnds(null);
        assertThat(Collections.list(DriverManager.getDrivers())).anyMatch(MeasuredDriver.class::isInstance);
    }

    @Test
    @DisplayName("the driver of an application's own class loader is deregistered when the application ends")
    void applicationsDriverIsDeregistered() throws Exception {
        URL library = MeasuredDriver.class.getProtectionDomain().getCodeSource().getLocation();
        StringWriter driverManagerLog = new StringWriter();
        PrintWriter before = DriverManager.getLogWriter();
        // DriverManager loads the drivers it offers once, through the context class loader of its first use: not the one below.
        DriverManager.getDrivers();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader application = new URLClassLoader(new URL[] {library}, ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(application);
            DriverManager.setLogWriter(new PrintWriter(driverManagerLog, true));
            Class<?> driver = Class.forName(MeasuredDriver.class.getName(), true, application);
            assertThat(Driver.class).isAssignableFrom(driver);
            Method ends = application.loadClass(DriverDeregistration.class.getName())
                    .getDeclaredMethod("applicationEnds", Object.class);
            ends.setAccessible(true);
            ends.invoke(null, (Object) null);
            ends.invoke(null, (Object) null); // finds none left to deregister
        } finally {
            DriverManager.setLogWriter(before);
            Thread.currentThread().setContextClassLoader(context);
        }
        String log = driverManagerLog.toString();
        String registered = "registerDriver: " + MeasuredDriver.class.getName();
        assertThat(log).as("what DriverManager logged").contains(registered).doesNotContain("couldn't find driver");
        assertThat(log.split("deregisterDriver: " + MeasuredDriver.class.getName(), -1))
                .as("deregistered exactly once, in:%n%s", log).hasSize(2);
    }
}
