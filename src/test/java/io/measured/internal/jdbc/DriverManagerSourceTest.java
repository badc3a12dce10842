package io.measured.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.jdbc.DriverManagerLog;
import io.measured.jdbc.MeasuredDriver;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The database's own driver found among an application's services, as a server's class loader
 * (often a throwaway one used only while deploying) offers them.
 */
class DriverManagerSourceTest {

    @Test
    @DisplayName("the measured driver is named as its class is")
    void namesTheMeasuredDriver() {
        assertThat(DriverManagerSource.MEASURED_DRIVER).isEqualTo(MeasuredDriver.class.getName());
    }

    @Test
    @DisplayName("finding the database's driver never makes the measured driver, which would register itself from that loader")
    void leavesTheMeasuredDriverUnregistered() throws Exception {
        URL library = DriverManagerSource.class.getProtectionDomain().getCodeSource().getLocation();
        URL h2 = org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation();
        String driverManagerLog;
        // The library first, as a WAR's WEB-INF/lib may list it: its driver is the first service offered.
        try (URLClassLoader deployment = new URLClassLoader(new URL[] {library, h2}, ClassLoader.getPlatformClassLoader())) {
            driverManagerLog = DriverManagerLog.whileRunning(deployment, logSoFar -> {
                Constructor<?> constructor = deployment.loadClass(DriverManagerSource.class.getName())
                        .getDeclaredConstructor(String.class, String.class, String.class);
                constructor.setAccessible(true);
                DataSource source = (DataSource) constructor.newInstance("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "");
                try (Connection connection = source.getConnection()) {
                    assertThat(connection.getMetaData().getDriverName()).contains("H2");
                }
            });
        }
        assertThat(driverManagerLog)
                .as("what DriverManager logged")
                .contains("registerDriver: org.h2.Driver")
                .doesNotContain("registerDriver: " + MeasuredDriver.class.getName());
    }
}
