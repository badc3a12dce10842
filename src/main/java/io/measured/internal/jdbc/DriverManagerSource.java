package io.measured.internal.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The database behind a {@code jdbc:measured:} URL given to a data source with no vendor class:
 * connections come from {@link DriverManager} and the real URL's driver. Immutable; thread-safe.
 */
final class DriverManagerSource implements DataSource {

    private final String url;
    private final String user;
    private final String password;
    private volatile int loginTimeout;

    DriverManagerSource(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties info = new Properties();
        if (user != null) {
            info.setProperty("user", user);
        }
        if (password != null) {
            info.setProperty("password", password);
        }
        return DriverManager.getConnection(url, info);
    }

    @Override
    public Connection getConnection(String username, String secret) throws SQLException {
        return DriverManager.getConnection(url, username, secret);
    }

    @Override
    public PrintWriter getLogWriter() {
        return DriverManager.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // DriverManager's log writer is global to the JVM: not this data source's to change
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("connections come from java.sql.DriverManager");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("a jdbc:measured: URL's data source wraps no vendor object of type " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
