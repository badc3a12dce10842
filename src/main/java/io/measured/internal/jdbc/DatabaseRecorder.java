package io.measured.internal.jdbc;

import java.util.Map;

/**
 * Records the calls of one DATABASE operation, as {@code OperationRecorder} does: either this
 * copy of the library's own recorder, or that of the application's copy where the JDBC classes
 * were loaded apart from it (see {@link ApplicationBuffer}). Implementations are immutable and
 * thread-safe, and may throw what recording throws; {@link JdbcRecorder} catches it.
 */
interface DatabaseRecorder {

    /** The operation name calls are recorded under. */
    String name();

    /** A recorder of the same operation whose {@link #record(long, long)} records this metadata. */
    DatabaseRecorder withMetadata(Map<String, String> metadata);

    /** Records a successful call with the bound metadata. */
    void record(long startNanos, long endNanos);

    /** Records a call with the given metadata. */
    void record(long startNanos, long endNanos, Map<String, String> metadata);
}
