package io.measured.internal.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;

/**
 * A connection's metadata whose {@code getConnection()} is the measured connection and whose
 * result sets are {@link MeasuredResultSet}s. Every other call goes to the vendor's metadata
 * unchanged ({@link DatabaseMetaDataDelegate}). As thread-safe as the vendor's metadata.
 */
final class MeasuredDatabaseMetaData extends DatabaseMetaDataDelegate {

    private final MeasuredConnection connection;

    MeasuredDatabaseMetaData(DatabaseMetaData vendor, MeasuredConnection connection) {
        super(vendor);
        this.connection = connection;
    }

    /** The measured connection, once the vendor's metadata answered (a closed connection may throw). */
    @Override
    Connection measured(Connection vendorConnection) {
        return vendorConnection == null ? null : connection;
    }

    @Override
    ResultSet measured(ResultSet vendorResults) {
        return vendorResults == null ? null : new MeasuredResultSet(vendorResults, connection, null);
    }
}
