package io.measured.jdbc;

import io.measured.MetricsBuffer;
import io.measured.internal.jdbc.DataSourceTarget;
import io.measured.internal.jdbc.JdbcRecorder;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.CommonDataSource;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.PooledConnection;
import javax.sql.XAConnection;
import javax.sql.XADataSource;

/**
 * A data source that records the SQL an application runs, as type DATABASE, into the application's
 * {@link MetricsBuffer}: each statement execution named {@code <VERB> <first table>} with metadata
 * {@code sql} (the text with every literal replaced by {@code ?}), {@code outcome}, and on failure
 * {@code exception} and {@code sql_state}; a batch as one record with {@code batch_size}; and each
 * connection acquired as {@code getConnection}. Parameter values are never recorded. JDBC behaves
 * exactly as the wrapped data source's: the same results and the same exception instances; the
 * statements, result sets and metadata a connection leads to are measured too, and their
 * {@code unwrap} reaches the vendor's objects for any type but the JDBC interfaces they implement
 * (this data source's own {@code unwrap} reaches the vendor's data source). The time of a query is
 * its execute call; iterating the result set is not included.
 *
 * <p>Three ways to use it:
 * <ul>
 *   <li>As the {@code class-name} of a {@code <data-source>} in {@code web.xml} or of
 *       {@code @DataSourceDefinition}, with the property {@code measuredTarget} naming the vendor
 *       class (such as {@code org.h2.jdbcx.JdbcDataSource}); {@code url}, {@code user},
 *       {@code password}, {@code serverName}, {@code portNumber}, {@code databaseName} and any other
 *       property given through {@link #setProperty} go to the vendor object. It serves
 *       {@link DataSource}, {@link XADataSource} and {@link ConnectionPoolDataSource} as far as the
 *       vendor class does. ({@code measured.target}, the design's name, works where properties
 *       are set by name through {@link #setProperty}; servers set them through JavaBean setters,
 *       whose names cannot hold a dot, so GlassFish and Payara drop it without a word.) Without
 *       {@code measuredTarget}, the {@code url} (a vendor URL, or
 *       {@code jdbc:measured:<the real URL without "jdbc:">}) reaches the database through the
 *       JDBC driver that accepts it, as a plain {@link DataSource}: no XA, no pooled
 *       connections.</li>
 *   <li>{@link #wrap(DataSource)} for a data source the application builds or produces itself,
 *       recording into the application's buffer.</li>
 *   <li>{@link #wrap(DataSource, MetricsBuffer)} in plain Java.</li>
 * </ul>
 * With {@code measured.jdbc.enabled=false} (or {@code measured.enabled=false}) every call passes
 * through unrecorded. Setters are for configuration before first use; once configured, the data
 * source is thread-safe as its target is.
 */
public class MeasuredDataSource implements DataSource, XADataSource, ConnectionPoolDataSource {

    private final DataSourceTarget target;
    private final JdbcRecorder recorder;

    /** For servers and tools that build the data source from its class name and properties. */
    public MeasuredDataSource() {
        this(new DataSourceTarget(), JdbcRecorder.forApplication());
    }

    private MeasuredDataSource(DataSourceTarget target, JdbcRecorder recorder) {
        this.target = target;
        this.recorder = recorder;
    }

    /**
     * Wraps a data source so that its SQL is recorded into the application's buffer, found through
     * CDI when the first connection is taken (outside a CDI application, nothing is recorded).
     *
     * @param dataSource the data source to wrap; not null
     * @return a data source presenting the same connections, recorded; unwraps to {@code dataSource}
     * @throws NullPointerException if {@code dataSource} is null
     */
    public static MeasuredDataSource wrap(DataSource dataSource) {
        return new MeasuredDataSource(DataSourceTarget.of(Objects.requireNonNull(dataSource, "dataSource")),
                JdbcRecorder.forApplication());
    }

    /**
     * Wraps a data source so that its SQL is recorded into the given buffer.
     *
     * @param dataSource the data source to wrap; not null
     * @param buffer the buffer to record into; not null
     * @return a data source presenting the same connections, recorded; unwraps to {@code dataSource}
     * @throws NullPointerException if an argument is null
     */
    public static MeasuredDataSource wrap(DataSource dataSource, MetricsBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        return new MeasuredDataSource(DataSourceTarget.of(Objects.requireNonNull(dataSource, "dataSource")),
                new JdbcRecorder(buffer));
    }

    /**
     * Names the vendor class to wrap. It must have a public no-argument constructor.
     *
     * @param className a fully qualified class name, such as {@code org.h2.jdbcx.JdbcDataSource}
     * @throws IllegalStateException if the data source is in use already
     */
    public void setMeasuredTarget(String className) {
        target.setClassName(className);
    }

    /**
     * Returns the vendor data source class this one wraps.
     *
     * @return the vendor class name given, or null
     */
    public String getMeasuredTarget() {
        return target.className();
    }

    /**
     * Sets a property of the vendor object, by its JavaBean name; applied when the vendor object is
     * made, by its {@code set<Name>} method taking a String, int, long or boolean.
     *
     * @param name the property name, such as {@code url}; not null; {@code measured.target} (or
     *        {@code measuredTarget}) names the vendor class instead, as {@link #setMeasuredTarget}
     * @param value its value as text
     */
    public void setProperty(String name, String value) {
        if (TARGET_PROPERTY.equals(name) || "measuredTarget".equals(name)) {
            setMeasuredTarget(value);
        } else {
            target.setProperty(name, value);
        }
    }

    /** The design's name of the vendor class property, for tools that set properties by name. */
    private static final String TARGET_PROPERTY = "measured.target";

    /**
     * Sets the vendor's JDBC URL property.
     *
     * @param url the vendor's JDBC URL, as the vendor accepts it
     */
    public void setUrl(String url) {
        target.setProperty("url", url);
    }

    /**
     * Sets the vendor's JDBC URL property, for vendors that spell it {@code URL}.
     *
     * @param url the vendor's JDBC URL, as the vendor accepts it
     */
    public void setURL(String url) {
        target.setProperty("URL", url);
    }

    /**
     * Sets the vendor's user property.
     *
     * @param user the database user
     */
    public void setUser(String user) {
        target.setProperty("user", user);
    }

    /**
     * Sets the vendor's password property.
     *
     * @param password the database user's password
     */
    public void setPassword(String password) {
        target.setProperty("password", password);
    }

    /**
     * Sets the vendor's server name property.
     *
     * @param serverName the database server's host name
     */
    public void setServerName(String serverName) {
        target.setProperty("serverName", serverName);
    }

    /**
     * Sets the vendor's port number property.
     *
     * @param portNumber the database server's port, as the vendor accepts it
     */
    public void setPortNumber(int portNumber) {
        target.setProperty("portNumber", Integer.toString(portNumber));
    }

    /**
     * Sets the vendor's database name property.
     *
     * @param databaseName the database's name
     */
    public void setDatabaseName(String databaseName) {
        target.setProperty("databaseName", databaseName);
    }

    /**
     * Sets the vendor's description property.
     *
     * @param description a description of the data source
     */
    public void setDescription(String description) {
        target.setProperty("description", description);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(null, null);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connect(Objects.requireNonNull(username, "username"), password);
    }

    private Connection connect(String username, String password) throws SQLException {
        DataSource vendor = target.as(DataSource.class);
        return recorder.connect(() -> username == null ? vendor.getConnection() : vendor.getConnection(username, password));
    }

    @Override
    public XAConnection getXAConnection() throws SQLException {
        XADataSource vendor = target.as(XADataSource.class);
        return (XAConnection) recorder.connectPooled(vendor::getXAConnection);
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        XADataSource vendor = target.as(XADataSource.class);
        return (XAConnection) recorder.connectPooled(() -> vendor.getXAConnection(user, password));
    }

    @Override
    public PooledConnection getPooledConnection() throws SQLException {
        ConnectionPoolDataSource vendor = target.as(ConnectionPoolDataSource.class);
        return recorder.connectPooled(vendor::getPooledConnection);
    }

    @Override
    public PooledConnection getPooledConnection(String user, String password) throws SQLException {
        ConnectionPoolDataSource vendor = target.as(ConnectionPoolDataSource.class);
        return recorder.connectPooled(() -> vendor.getPooledConnection(user, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.as(CommonDataSource.class).getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.as(CommonDataSource.class).setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.as(CommonDataSource.class).setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.as(CommonDataSource.class).getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        try {
            return target.as(CommonDataSource.class).getParentLogger();
        } catch (SQLFeatureNotSupportedException e) {
            throw e;
        } catch (SQLException e) {
            throw new SQLFeatureNotSupportedException(e.getMessage(), e);
        }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        Object vendor = target.as(CommonDataSource.class);
        if (iface.isInstance(vendor)) {
            return iface.cast(vendor);
        }
        if (vendor instanceof java.sql.Wrapper wrapper) {
            return wrapper.unwrap(iface);
        }
        throw new SQLException("the measured data source wraps a " + vendor.getClass().getName()
                + ", which is not a " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        Object vendor = target.as(CommonDataSource.class);
        return iface.isInstance(vendor) || vendor instanceof java.sql.Wrapper wrapper && wrapper.isWrapperFor(iface);
    }
}
