package io.measured.internal.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A prepared statement that records its executions under its prepared SQL; see
 * {@link MeasuredStatement}. Parameters go to the vendor's statement and are never recorded.
 */
class MeasuredPreparedStatement<V extends PreparedStatement> extends PreparedStatementDelegate<V> {

    MeasuredPreparedStatement(V vendor, MeasuredConnection connection, String sql) {
        super(vendor, connection, sql);
    }

    @Override
    public final void addBatch() throws SQLException {
        vendor.addBatch();
        batched(prepared());
    }
}
