package io.measured.internal.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A statement that records its executions: {@code execute}, {@code executeQuery},
 * {@code executeUpdate}, {@code executeLargeUpdate} (with the SQL given, or the prepared SQL), and a
 * batch ({@code executeBatch}, {@code executeLargeBatch}) as one record with its size, named by its
 * first SQL. The time is the execute call's: iterating a result set is the application's. The
 * generated {@link StatementDelegate} times each execution around the vendor's call and reports
 * it here; every other call goes to the vendor's statement unchanged, except that its connection
 * is the measured one and its result sets are {@link MeasuredResultSet}s. Confined to the threads
 * the application uses the statement from, as the statement itself.
 */
class MeasuredStatement<V extends Statement> extends StatementDelegate<V> {

    private final MeasuredConnection connection;
    private final JdbcRecorder recorder;
    /** The prepared SQL text, or null for a plain statement. */
    private final String preparedText;
    /** Its recorded form, once there is a buffer to record into. */
    private Sql prepared;
    private Sql batchSql;
    private int batchSize;

    MeasuredStatement(V vendor, MeasuredConnection connection, String preparedText) {
        super(vendor);
        this.connection = connection;
        this.recorder = connection.recorder;
        this.preparedText = preparedText;
    }

    @Override
    final Sql sql(String text) {
        return recorder.sql(text);
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

    @Override
    final void executed(Sql sql, long startNanos, Throwable failure) {
        recorder.executed(sql, startNanos, System.nanoTime(), failure);
    }

    /** Counts one statement into the pending batch, which is named by its first SQL. */
    final void batched(Sql sql) {
        if (batchSql == null) {
            batchSql = sql;
        }
        batchSize++;
    }

    @Override
    final void batchExecuted(long startNanos, Throwable failure) {
        recorder.batch(batchSql, batchSize, startNanos, System.nanoTime(), failure);
        batchSql = null;
        batchSize = 0; // the driver empties its batch whether or not it fails
    }

    @Override
    public final void addBatch(String sql) throws SQLException {
        vendor.addBatch(sql);
        batched(recorder.sql(sql));
    }

    @Override
    public final void clearBatch() throws SQLException {
        batchSql = null;
        batchSize = 0;
        vendor.clearBatch();
    }

    /** The measured connection, once the vendor's statement answered (a closed one may throw). */
    @Override
    final Connection measured(Connection vendorConnection) {
        return vendorConnection == null ? null : connection;
    }

    @Override
    final ResultSet measured(ResultSet vendorResults) {
        return vendorResults == null ? null : new MeasuredResultSet(vendorResults, connection, this);
    }
}
