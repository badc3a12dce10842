package io.measured.internal.jdbc;

import java.sql.CallableStatement;

/**
 * A callable statement that records its executions under its SQL; see {@link MeasuredStatement}.
 * Its own methods (out parameters) are passed on by {@link CallableStatementDelegate}.
 */
final class MeasuredCallableStatement extends CallableStatementDelegate {

    MeasuredCallableStatement(CallableStatement vendor, MeasuredConnection connection, String sql) {
        super(vendor, connection, sql);
    }
}
