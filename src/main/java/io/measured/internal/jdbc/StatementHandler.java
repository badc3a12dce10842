package io.measured.internal.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Records a statement's executions: {@code execute}, {@code executeQuery}, {@code executeUpdate},
 * {@code executeLargeUpdate} (with the SQL given, or the prepared SQL), and a batch
 * ({@code executeBatch}, {@code executeLargeBatch}) as one record with its size, named by its first
 * SQL. The time is the execute call's: iterating a result set is the application's. Confined to
 * the threads the application uses the statement from, as the statement itself.
 */
final class StatementHandler implements InvocationHandler {

    private final Statement vendor;
    private final Connection connection;
    private final JdbcRecorder recorder;
    /** The prepared SQL text, or null for a plain statement. */
    private final String preparedText;
    /** Its recorded form, once there is a buffer to record into. */
    private Sql prepared;
    private Sql batchSql;
    private int batchSize;

    private StatementHandler(Statement vendor, Connection connection, JdbcRecorder recorder, String preparedText) {
        this.vendor = vendor;
        this.connection = connection;
        this.recorder = recorder;
        this.preparedText = preparedText;
    }

    static Statement wrap(Statement vendor, Connection connection, JdbcRecorder recorder, String preparedText) {
        return (Statement) Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(),
                new Class<?>[] {JdbcProxies.statementType(vendor)}, new StatementHandler(vendor, connection, recorder, preparedText));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object special = JdbcProxies.wrapperMethod(proxy, vendor, method, args);
        if (special != null) {
            return special;
        }
        String name = method.getName();
        switch (name) {
            case "execute":
            case "executeQuery":
            case "executeUpdate":
            case "executeLargeUpdate":
                return timed(method, args, args != null && args.length > 0 && args[0] instanceof String sql
                        ? recorder.sql(sql) : prepared());
            case "executeBatch":
            case "executeLargeBatch":
                return batch(method, args);
            case "addBatch":
                Object added = JdbcProxies.call(vendor, method, args);
                if (batchSql == null) {
                    batchSql = args != null && args.length == 1 && args[0] instanceof String sql ? recorder.sql(sql) : prepared();
                }
                batchSize++;
                return added;
            case "clearBatch":
                batchSql = null;
                batchSize = 0;
                return JdbcProxies.call(vendor, method, args);
            case "getConnection":
                return connection;
            default:
                return JdbcProxies.call(vendor, method, args);
        }
    }

    /** The prepared SQL's recorded form: resolved on first use, and again while nothing records yet. */
    private Sql prepared() {
        Sql resolved = prepared;
        if (resolved == null && preparedText != null) {
            resolved = recorder.sql(preparedText);
            prepared = resolved;
        }
        return resolved;
    }

    private Object timed(Method method, Object[] args, Sql sql) throws Throwable {
        long start = System.nanoTime();
        Object result;
        try {
            result = JdbcProxies.call(vendor, method, args);
        } catch (Throwable failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
        recorder.executed(sql, start, System.nanoTime(), null);
        return result;
    }

    private Object batch(Method method, Object[] args) throws Throwable {
        Sql sql = batchSql;
        int size = batchSize;
        batchSql = null;
        batchSize = 0; // the driver empties its batch whether or not it fails
        long start = System.nanoTime();
        Object result;
        try {
            result = JdbcProxies.call(vendor, method, args);
        } catch (Throwable failure) {
            recorder.batch(sql, size, start, System.nanoTime(), failure);
            throw failure;
        }
        recorder.batch(sql, size, start, System.nanoTime(), null);
        return result;
    }
}
