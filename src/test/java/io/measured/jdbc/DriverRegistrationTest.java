package io.measured.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.DriverManager;
import java.util.Collections;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DriverRegistrationTest {

    @Nested
    @DisplayName("which application owns the driver")
    class Ownership {

        private final URLClassLoader application = new URLClassLoader(new URL[0], ClassLoader.getSystemClassLoader());

        @Test
        @DisplayName("the application whose own class loader holds it, ending on its own thread")
        void theApplicationsOwnLoader() {
            assertThat(DriverRegistration.ownedByEndingApplication(application, application)).isTrue();
        }

        @Test
        @DisplayName("not while another application's context ends (a server's shared library)")
        void notAnotherApplication() {
            URLClassLoader other = new URLClassLoader(new URL[0], application);
            assertThat(DriverRegistration.ownedByEndingApplication(application, other)).isFalse();
            assertThat(DriverRegistration.ownedByEndingApplication(application, null)).isFalse();
        }

        @Test
        @DisplayName("never the JVM's own class loaders, which outlive every container")
        void neverTheJvms() {
            ClassLoader system = ClassLoader.getSystemClassLoader();
            assertThat(DriverRegistration.ownedByEndingApplication(system, system)).isFalse();
            ClassLoader platform = ClassLoader.getPlatformClassLoader();
            assertThat(DriverRegistration.ownedByEndingApplication(platform, platform)).isFalse();
            assertThat(DriverRegistration.ownedByEndingApplication(null, null)).isFalse();
        }
    }

    @Test
    @DisplayName("a driver on the JVM's class path is registered when a container starts, and stays when it ends")
    void classPathDriver() {
        DriverRegistration.applicationStarts(null);
        DriverRegistration.applicationEnds(null);
        assertThat(Collections.list(DriverManager.getDrivers())).filteredOn(MeasuredDriver.class::isInstance).hasSize(1);
    }

    @Test
    @DisplayName("the driver of an application's own class loader is registered once while it runs, and deregistered when it ends")
    void applicationsDriverFollowsTheApplication() throws Exception {
        URL library = MeasuredDriver.class.getProtectionDomain().getCodeSource().getLocation();
        String driverManagerLog;
        try (URLClassLoader application = new URLClassLoader(new URL[] {library}, ClassLoader.getPlatformClassLoader())) {
            driverManagerLog = DriverManagerLog.whileRunning(application, logSoFar -> {
                Class<?> registration = application.loadClass(DriverRegistration.class.getName());
                Method starts = registration.getDeclaredMethod("applicationStarts", Object.class);
                Method ends = registration.getDeclaredMethod("applicationEnds", Object.class);
                starts.setAccessible(true);
                ends.setAccessible(true);

                starts.invoke(null, (Object) null);
                starts.invoke(null, (Object) null);
                assertThat(occurrences(logSoFar, "registerDriver: ")).as("registered once, in:%n%s", logSoFar).isOne();
                ends.invoke(null, (Object) null);
                ends.invoke(null, (Object) null);
                assertThat(occurrences(logSoFar, "deregisterDriver: ")).as("deregistered once, in:%n%s", logSoFar).isOne();
                starts.invoke(null, (Object) null); // a container started again in the same class loader
                assertThat(occurrences(logSoFar, "registerDriver: ")).as("registered again, in:%n%s", logSoFar).isEqualTo(2);
                ends.invoke(null, (Object) null); // leaves DriverManager as it found it
            });
        }
        assertThat(driverManagerLog).doesNotContain("couldn't find driver");
    }

    /** Lines of what DriverManager logged that end an action's text with the measured driver. */
    private static long occurrences(StringWriter log, String action) {
        String logged = action + MeasuredDriver.class.getName() + "@";
        return log.toString().lines()
                .filter(line -> line.contains(logged) && !(action.equals("registerDriver: ") && line.contains("deregisterDriver: ")))
                .count();
    }
}
