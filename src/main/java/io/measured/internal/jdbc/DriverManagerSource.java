package io.measured.internal.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Iterator;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The database behind a URL given to a data source with no vendor class: connections come from
 * the JDBC driver that accepts the URL, among those the application's class loader offers as
 * services (a driver in {@code WEB-INF/lib} is not registered with {@link DriverManager} unless
 * something loads it), else from {@link DriverManager}. Thread-safe.
 */
final class DriverManagerSource implements DataSource {

    /** {@code io.measured.jdbc.MeasuredDriver}, by name: that package depends on this one, not the reverse. */
    static final String MEASURED_DRIVER = "io.measured.jdbc.MeasuredDriver";

    private final String url;
    private final String user;
    private final String password;
    private volatile int loginTimeout;
    /** The driver found for the URL among the application's services, once looked for. */
    private volatile Driver driver;

    DriverManagerSource(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String secret) throws SQLException {
        Properties info = new Properties();
        if (username != null) {
            info.setProperty("user", username);
        }
        if (secret != null) {
            info.setProperty("password", secret);
        }
        return connect(info);
    }

    private Connection connect(Properties info) throws SQLException {
        Driver found = driver;
        if (found == null) {
            found = find();
            driver = found;
        }
        Connection connection = found.connect(url, info);
        if (connection == null) {
            throw new SQLException("the JDBC driver " + found.getClass().getName() + " accepted the url but returned"
                    + " no connection", "08001");
        }
        return connection;
    }

    private Driver find() throws SQLException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, DriverManagerSource.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                for (Iterator<ServiceLoader.Provider<Driver>> drivers = ServiceLoader.load(Driver.class, loader).stream()
                        .iterator(); drivers.hasNext();) {
                    ServiceLoader.Provider<Driver> provider = drivers.next();
                    // The URL has no jdbc:measured: prefix left (DataSourceTarget), so the measured driver would never
                    // accept it; and made here, it would register itself with DriverManager from this loader, which
                    // servers then report as a leak (often a loader of their own that lives only while deploying).
                    if (!provider.type().getName().equals(MEASURED_DRIVER)) {
                        Driver candidate = provider.get();
                        if (candidate.acceptsURL(url)) {
                            return candidate;
                        }
                    }
                }
            } catch (ServiceConfigurationError broken) {
                // a broken driver entry elsewhere on the class path: DriverManager may still know one
            }
        }
        return DriverManager.getDriver(url);
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
