package io.measured.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link MeasuredDriver#jdbcCompliant()} answers for the drivers it hands URLs to, which servers
 * report (WildFly logs WFLYJCA0005 "non-JDBC-compliant driver" for a driver that answers false).
 */
class MeasuredDriverTest {

    /** A driver that says it is not compliant and accepts no URL, so it changes nothing else. */
    static final class NotCompliant implements Driver {
        @Override
        public Connection connect(String url, Properties info) {
            return null;
        }

        @Override
        public boolean acceptsURL(String url) {
            return false;
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }
    }

    @Test
    @DisplayName("compliant where the driver it reaches (H2's) says it is")
    void compliantWhereTheWrappedDriverIs() throws Exception {
        assertThat(DriverManager.getDriver("jdbc:h2:mem:any").jdbcCompliant()).as("H2's own answer").isTrue();
        assertThat(new MeasuredDriver().jdbcCompliant()).isTrue();
    }

    @Test
    @DisplayName("not compliant while one of the drivers it reaches is not")
    void notCompliantWhileOneWrappedDriverIsNot() throws Exception {
        Driver notCompliant = new NotCompliant();
        DriverManager.registerDriver(notCompliant);
        try {
            assertThat(new MeasuredDriver().jdbcCompliant()).isFalse();
        } finally {
            DriverManager.deregisterDriver(notCompliant);
        }
        assertThat(new MeasuredDriver().jdbcCompliant()).as("once that driver is gone").isTrue();
    }

    @Test
    @DisplayName("not compliant where it reaches no driver at all: it cannot vouch for one it does not know")
    void notCompliantWithoutAnyDriver() throws Exception {
        URL library = MeasuredDriver.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader alone = new URLClassLoader(new URL[] {library}, ClassLoader.getPlatformClassLoader())) {
            DriverManagerLog.whileRunning(alone, logSoFar -> {
                Driver apart = (Driver) alone.loadClass(MeasuredDriver.class.getName()).getConstructor().newInstance();
                try {
                    assertThat(apart.jdbcCompliant()).isFalse();
                } finally {
                    Method deregister = alone.loadClass(DriverRegistration.class.getName()).getDeclaredMethod("deregister");
                    deregister.setAccessible(true);
                    deregister.invoke(null); // that copy's driver registered itself when its class was first used
                }
            });
        }
    }
}
