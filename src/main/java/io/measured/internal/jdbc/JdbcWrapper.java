package io.measured.internal.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * A measured JDBC object around the vendor's. {@code unwrap} and {@code isWrapperFor} follow the
 * JDBC specification: a type this wrapper implements answers the wrapper itself, so that asking a
 * measured connection for a {@code Connection} never hands out the vendor's (whose statements
 * would go unrecorded); any other type is looked for in the vendor's object and what it wraps.
 * The delegating subclasses are generated from the JDBC interfaces at build time
 * ({@code src/build/java/JdbcDelegates.java}). As thread-safe as the vendor's object.
 */
abstract class JdbcWrapper<V extends Wrapper> implements Wrapper {

    final V vendor;

    JdbcWrapper(V vendor) {
        this.vendor = vendor;
    }

    @Override
    public final <T> T unwrap(Class<T> type) throws SQLException {
        if (type == null) {
            throw new SQLException("unwrap(null): name the interface or class to unwrap " + this + " to");
        }
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return type.isInstance(vendor) ? type.cast(vendor) : vendor.unwrap(type);
    }

    @Override
    public final boolean isWrapperFor(Class<?> type) throws SQLException {
        return type != null && (type.isInstance(this) || type.isInstance(vendor) || vendor.isWrapperFor(type));
    }

    @Override
    public String toString() {
        return "measured(" + vendor + ")";
    }
}
