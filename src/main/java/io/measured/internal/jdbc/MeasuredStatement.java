package io.measured.internal.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * A statement that records its executions: {@code execute}, {@code executeQuery},
 * {@code executeUpdate}, {@code executeLargeUpdate} (with the SQL given, or the prepared SQL), and a
 * batch ({@code executeBatch}, {@code executeLargeBatch}) as one record with its size, named by its
 * first SQL. The time is the execute call's: iterating a result set is the application's. Every
 * other call goes to the vendor statement unchanged, with its own result and exception instance.
 * Written out rather than a dynamic proxy so that no call allocates. Confined to the threads the
 * application uses the statement from, as the statement itself.
 */
@SuppressWarnings("deprecation")
class MeasuredStatement implements Statement {

    private final Statement vendor;
    private final Connection connection;
    final JdbcRecorder recorder;
    /** The prepared SQL text, or null for a plain statement. */
    private final String preparedText;
    /** Its recorded form, once there is a buffer to record into. */
    private Sql prepared;
    private Sql batchSql;
    private int batchSize;

    MeasuredStatement(Statement vendor, Connection connection, JdbcRecorder recorder, String preparedText) {
        this.vendor = vendor;
        this.connection = connection;
        this.recorder = recorder;
        this.preparedText = preparedText;
    }

    /** The prepared SQL's recorded form: resolved on first use, and again while nothing records yet. */
    final Sql prepared() {
        Sql resolved = prepared;
        if (resolved == null && preparedText != null) {
            resolved = recorder.sql(preparedText);
            prepared = resolved;
        }
        return resolved;
    }

    /** Counts one statement into the pending batch, which is named by its first SQL. */
    final void batched(Sql sql) {
        if (batchSql == null) {
            batchSql = sql;
        }
        batchSize++;
    }

    @Override
    public void addBatch(String a) throws SQLException {
        vendor.addBatch(a);
        batched(recorder.sql(a));
    }

    @Override
    public void clearBatch() throws SQLException {
        batchSql = null;
        batchSize = 0;
        vendor.clearBatch();
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public <T> T unwrap(Class<T> a) throws SQLException {
        return a.isInstance(vendor) ? a.cast(vendor) : vendor.unwrap(a);
    }

    @Override
    public boolean isWrapperFor(Class<?> a) throws SQLException {
        return a.isInstance(vendor) || vendor.isWrapperFor(a);
    }

    @Override
    public String toString() {
        return "measured(" + vendor + ")";
    }

    @Override
    public void cancel() throws SQLException {
        vendor.cancel();
    }

    @Override
    public void clearWarnings() throws SQLException {
        vendor.clearWarnings();
    }

    @Override
    public void close() throws SQLException {
        vendor.close();
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        vendor.closeOnCompletion();
    }

    @Override
    public String enquoteIdentifier(String a, boolean b) throws SQLException {
        return vendor.enquoteIdentifier(a, b);
    }

    @Override
    public String enquoteLiteral(String a) throws SQLException {
        return vendor.enquoteLiteral(a);
    }

    @Override
    public String enquoteNCharLiteral(String a) throws SQLException {
        return vendor.enquoteNCharLiteral(a);
    }

    @Override
    public boolean execute(String a) throws SQLException {
        Sql sql = recorder.sql(a);
        long start = System.nanoTime();
        try {
            boolean result = vendor.execute(a);
            recorder.executed(sql, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public boolean execute(String a, int[] b) throws SQLException {
        Sql sql = recorder.sql(a);
        long start = System.nanoTime();
        try {
            boolean result = vendor.execute(a, b);
            recorder.executed(sql, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public boolean execute(String a, String[] b) throws SQLException {
        Sql sql = recorder.sql(a);
        long start = System.nanoTime();
        try {
            boolean result = vendor.execute(a, b);
            recorder.executed(sql, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public boolean execute(String a, int b) throws SQLException {
        Sql sql = recorder.sql(a);
        long start = System.nanoTime();
        try {
            boolean result = vendor.execute(a, b);
            recorder.executed(sql, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public int[] executeBatch() throws SQLException {
        Sql sql = batchSql;
        int size = batchSize;
        batchSql = null;
        batchSize = 0; // the driver empties its batch whether or not it fails
        long start = System.nanoTime();
        try {
            int[] result = vendor.executeBatch();
            recorder.batch(sql, size, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.batch(sql, size, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        Sql sql = batchSql;
        int size = batchSize;
        batchSql = null;
        batchSize = 0; // the driver empties its batch whether or not it fails
        long start = System.nanoTime();
        try {
            long[] result = vendor.executeLargeBatch();
            recorder.batch(sql, size, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.batch(sql, size, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public long executeLargeUpdate(String a) throws SQLException {
        Sql sql = recorder.sql(a);
        long start = System.nanoTime();
        try {
            long result = vendor.executeLargeUpdate(a);
            recorder.executed(sql, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public long executeLargeUpdate(String a, int[] b) throws SQLException {
        Sql sql = recorder.sql(a);
        long start = System.nanoTime();
        try {
            long result = vendor.executeLargeUpdate(a, b);
            recorder.executed(sql, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public long executeLargeUpdate(String a, String[] b) throws SQLException {
        Sql sql = recorder.sql(a);
        long start = System.nanoTime();
        try {
            long result = vendor.executeLargeUpdate(a, b);
            recorder.executed(sql, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public long executeLargeUpdate(String a, int b) throws SQLException {
        Sql sql = recorder.sql(a);
        long start = System.nanoTime();
        try {
            long result = vendor.executeLargeUpdate(a, b);
            recorder.executed(sql, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public ResultSet executeQuery(String a) throws SQLException {
        Sql sql = recorder.sql(a);
        long start = System.nanoTime();
        try {
            ResultSet result = vendor.executeQuery(a);
            recorder.executed(sql, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public int executeUpdate(String a) throws SQLException {
        Sql sql = recorder.sql(a);
        long start = System.nanoTime();
        try {
            int result = vendor.executeUpdate(a);
            recorder.executed(sql, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public int executeUpdate(String a, int[] b) throws SQLException {
        Sql sql = recorder.sql(a);
        long start = System.nanoTime();
        try {
            int result = vendor.executeUpdate(a, b);
            recorder.executed(sql, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public int executeUpdate(String a, String[] b) throws SQLException {
        Sql sql = recorder.sql(a);
        long start = System.nanoTime();
        try {
            int result = vendor.executeUpdate(a, b);
            recorder.executed(sql, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public int executeUpdate(String a, int b) throws SQLException {
        Sql sql = recorder.sql(a);
        long start = System.nanoTime();
        try {
            int result = vendor.executeUpdate(a, b);
            recorder.executed(sql, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return vendor.getFetchDirection();
    }

    @Override
    public int getFetchSize() throws SQLException {
        return vendor.getFetchSize();
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        return vendor.getGeneratedKeys();
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return vendor.getLargeMaxRows();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        return vendor.getLargeUpdateCount();
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        return vendor.getMaxFieldSize();
    }

    @Override
    public int getMaxRows() throws SQLException {
        return vendor.getMaxRows();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return vendor.getMoreResults();
    }

    @Override
    public boolean getMoreResults(int a) throws SQLException {
        return vendor.getMoreResults(a);
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return vendor.getQueryTimeout();
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return vendor.getResultSet();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        return vendor.getResultSetConcurrency();
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return vendor.getResultSetHoldability();
    }

    @Override
    public int getResultSetType() throws SQLException {
        return vendor.getResultSetType();
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return vendor.getUpdateCount();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return vendor.getWarnings();
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return vendor.isCloseOnCompletion();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return vendor.isClosed();
    }

    @Override
    public boolean isPoolable() throws SQLException {
        return vendor.isPoolable();
    }

    @Override
    public boolean isSimpleIdentifier(String a) throws SQLException {
        return vendor.isSimpleIdentifier(a);
    }

    @Override
    public void setCursorName(String a) throws SQLException {
        vendor.setCursorName(a);
    }

    @Override
    public void setEscapeProcessing(boolean a) throws SQLException {
        vendor.setEscapeProcessing(a);
    }

    @Override
    public void setFetchDirection(int a) throws SQLException {
        vendor.setFetchDirection(a);
    }

    @Override
    public void setFetchSize(int a) throws SQLException {
        vendor.setFetchSize(a);
    }

    @Override
    public void setLargeMaxRows(long a) throws SQLException {
        vendor.setLargeMaxRows(a);
    }

    @Override
    public void setMaxFieldSize(int a) throws SQLException {
        vendor.setMaxFieldSize(a);
    }

    @Override
    public void setMaxRows(int a) throws SQLException {
        vendor.setMaxRows(a);
    }

    @Override
    public void setPoolable(boolean a) throws SQLException {
        vendor.setPoolable(a);
    }

    @Override
    public void setQueryTimeout(int a) throws SQLException {
        vendor.setQueryTimeout(a);
    }
}
