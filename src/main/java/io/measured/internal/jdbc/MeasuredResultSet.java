package io.measured.internal.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A result set whose {@code getStatement()} is the measured statement that made it, so that
 * statements run through it are recorded. Every other call goes to the vendor's result set
 * unchanged ({@link ResultSetDelegate}): reading rows records nothing and costs one call more.
 * Confined to the threads the application uses it from, as the result set itself.
 */
final class MeasuredResultSet extends ResultSetDelegate {

    private final MeasuredConnection connection;
    /** The measured statement that made it; null where none is known yet (a metadata query's). */
    private MeasuredStatement<?> statement;

    MeasuredResultSet(ResultSet vendor, MeasuredConnection connection, MeasuredStatement<?> statement) {
        super(vendor);
        this.connection = connection;
        this.statement = statement;
    }

    /**
     * Null where the vendor answers null (a metadata query's result set, mostly); the measured
     * statement whose vendor's statement it names; else that vendor's statement measured too.
     */
    @Override
    Statement measured(Statement vendorStatement) {
        if (vendorStatement == null) {
            return null;
        }
        MeasuredStatement<?> known = statement;
        if (known == null || known.vendor != vendorStatement) {
            known = connection.adopted(vendorStatement);
            statement = known;
        }
        return known;
    }
}
