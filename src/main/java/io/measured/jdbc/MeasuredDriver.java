package io.measured.jdbc;

import io.measured.internal.jdbc.JdbcRecorder;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver for URLs {@code jdbc:measured:<the real URL without "jdbc:">}, such as
 * {@code jdbc:measured:h2:mem:notes}: it opens the real URL through {@link DriverManager} and
 * records the connection's SQL as {@link MeasuredDataSource} does, into the buffer of the
 * application that opens it (found through CDI; outside a CDI application nothing is recorded).
 * Registered through {@code META-INF/services/java.sql.Driver}. Thread-safe.
 */
public final class MeasuredDriver implements Driver {

    /** The URL prefix this driver accepts. */
    public static final String PREFIX = "jdbc:measured:";

    static {
        if (DriverSelfRegistration.registersItself(MeasuredDriver.class)) {
            try {
                DriverManager.registerDriver(new MeasuredDriver());
            } catch (SQLException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    /** For {@link java.util.ServiceLoader} and {@link DriverManager}. */
    public MeasuredDriver() {
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // another driver's URL, as the Driver contract asks
        }
        String real = realUrl(url);
        Properties properties = info == null ? new Properties() : info;
        return JdbcRecorder.forApplication().connect(() -> DriverManager.getConnection(real, properties));
    }

    private static String realUrl(String url) throws SQLException {
        String rest = url.substring(PREFIX.length());
        if (rest.isEmpty() || rest.startsWith("measured:")) {
            throw new SQLException("'" + url + "' names no real database URL; write jdbc:measured: followed by the"
                    + " real URL without its jdbc: prefix, such as jdbc:measured:h2:mem:notes", "08001");
        }
        return "jdbc:" + rest;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return acceptsURL(url) ? DriverManager.getDriver(realUrl(url)).getPropertyInfo(realUrl(url), info)
                : new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    /**
     * Whether the drivers this one hands URLs to are JDBC compliant: every driver registered with
     * {@link DriverManager} that this class's loader sees (the ones {@link #connect} can reach),
     * other than a measured driver, answers true, and there is at least one. Where none is known
     * yet (no driver registered there so far), false: it cannot vouch for a driver it does not know.
     * A server that asks when the driver is installed (WildFly) so hears what the database's
     * driver answers, given that driver is installed where this one's loader sees it.
     *
     * @return true only if at least one driver is reachable and all of them are compliant
     */
    @Override
    public boolean jdbcCompliant() {
        List<Driver> wrapped = DriverManager.drivers()
                .filter(driver -> !driver.getClass().getName().equals(MeasuredDriver.class.getName()))
                .toList();
        return !wrapped.isEmpty() && wrapped.stream().allMatch(Driver::jdbcCompliant);
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the measured driver logs through java.util.logging per class");
    }
}
