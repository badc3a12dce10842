package io.measured.internal.jdbc;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * A connection whose statements record their executions ({@link MeasuredStatement}) and whose
 * metadata leads back to it ({@link MeasuredDatabaseMetaData}). Every other call goes to the
 * vendor's connection unchanged ({@link ConnectionDelegate}). As thread-safe as the vendor's
 * connection.
 */
final class MeasuredConnection extends ConnectionDelegate {

    final JdbcRecorder recorder;

    MeasuredConnection(Connection vendor, JdbcRecorder recorder) {
        super(vendor);
        this.recorder = recorder;
        recorder.learnDatabase(vendor);
    }

    @Override
    Statement measured(Statement vendorStatement) {
        return vendorStatement == null ? null : new MeasuredStatement<>(vendorStatement, this, null);
    }

    @Override
    PreparedStatement measured(PreparedStatement vendorStatement, String sql) {
        return vendorStatement == null ? null : new MeasuredPreparedStatement<>(vendorStatement, this, sql);
    }

    @Override
    CallableStatement measured(CallableStatement vendorStatement, String sql) {
        return vendorStatement == null ? null : new MeasuredCallableStatement(vendorStatement, this, sql);
    }

    @Override
    DatabaseMetaData measured(DatabaseMetaData vendorMetadata) {
        return vendorMetadata == null ? null : new MeasuredDatabaseMetaData(vendorMetadata, this);
    }

    /**
     * A statement of this connection that the vendor made itself (a result set's, of a metadata
     * query for one), measured as one of its kind; its prepared SQL is unknown, so only executions
     * given their SQL text are recorded.
     */
    MeasuredStatement<?> adopted(Statement vendorStatement) {
        if (vendorStatement instanceof CallableStatement call) {
            return new MeasuredCallableStatement(call, this, null);
        }
        if (vendorStatement instanceof PreparedStatement prepared) {
            return new MeasuredPreparedStatement<>(prepared, this, null);
        }
        return new MeasuredStatement<>(vendorStatement, this, null);
    }
}
