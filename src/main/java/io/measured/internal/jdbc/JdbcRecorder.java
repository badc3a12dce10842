package io.measured.internal.jdbc;

import io.measured.MetricsBuffer;
import io.measured.internal.buffer.MetadataLimiter;
import io.measured.internal.stats.Outcomes;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records JDBC work into one buffer as type DATABASE: statement executions under their SQL
 * summary with metadata {@code sql} (no values), {@code outcome}, and on failure {@code exception}
 * and {@code sql_state}, a batch with {@code batch_size}; and connection acquisition as
 * {@code getConnection}. Never throws: a failure to record is logged (the first in full, then one
 * line per thousand) and the JDBC call goes on. Thread-safe.
 */
public final class JdbcRecorder {

    private static final Logger LOG = Logger.getLogger(JdbcRecorder.class.getName());
    static final String GET_CONNECTION = "getConnection";
    private static final int MAX_STATEMENTS = 2_000;

    /** How long after a failed lookup the buffer is looked for again. */
    private static final long RETRY_NANOS = 1_000_000_000L;

    private final Supplier<DatabaseRecorders> source;
    private volatile DatabaseRecorders buffer;
    /** Set when the source answered that nothing is to be recorded: final. */
    private volatile boolean off;
    private volatile long retryAt;
    private volatile boolean unavailableLogged;
    private volatile boolean endedLogged;
    private volatile DatabaseRecorder connections;
    private final SqlCache analyses;
    /** Keyed by analysis identity: texts that sanitize alike share one. */
    private final ConcurrentHashMap<SqlAnalysis, Sql> statements = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
    /** The database's {@code db.system.name}, from the first connection's metadata; null until known. */
    private volatile String dbSystem;

    /**
     * @param source the buffer to record into: asked until it answers; null means "record nothing"
     *        for good, an {@link IllegalStateException} "not yet" (asked again a second later)
     */
    JdbcRecorder(Supplier<DatabaseRecorders> source) {
        this.source = source;
        this.analyses = SqlCache.SHARED;
    }

    /** @param known the buffer to record into, known from the start */
    public JdbcRecorder(MetricsBuffer known) {
        this(known, SqlCache.SHARED);
    }

    /** @param analyses where analyses of SQL texts are cached: the shared cache, or a test's own */
    JdbcRecorder(MetricsBuffer known, SqlCache analyses) {
        DatabaseRecorders recorders = DatabaseRecorders.of(known);
        this.source = () -> recorders;
        this.buffer = recorders;
        this.analyses = analyses;
    }

    /** Records into the buffer of the application calling, once there is one (see {@link ApplicationBuffer}). */
    public static JdbcRecorder forApplication() {
        return new JdbcRecorder(new ApplicationBuffer());
    }

    /** The buffer, or null when there is none to record into (now, or for good when {@link #off}). */
    private DatabaseRecorders buffer() {
        DatabaseRecorders current = buffer;
        if (current != null || off || System.nanoTime() - retryAt < 0) {
            return current;
        }
        try {
            current = source.get();
        } catch (IllegalStateException notYet) {
            retryAt = System.nanoTime() + RETRY_NANOS;
            if (!unavailableLogged) {
                unavailableLogged = true;
                LOG.log(Level.INFO, "measured: no application buffer to record SQL into on this thread ({0}); its"
                        + " statements run unrecorded, as before an application''s CDI container starts or after it"
                        + " ends (outside Jakarta EE use MeasuredDataSource.wrap(dataSource, buffer))", notYet.getMessage());
            }
            return null;
        }
        if (current == null) {
            off = true;
        }
        buffer = current;
        return current;
    }

    /** Whether statements are recorded now. */
    boolean active() {
        try {
            return buffer() != null;
        } catch (Throwable e) {
            report("JDBC", e);
            return false;
        }
    }

    /**
     * Learns the database's product from a connection's metadata, once per recorder (a data source
     * or driver URL reaches one database), for OpenTelemetry's {@code db.system.name}.
     */
    void learnDatabase(java.sql.Connection vendor) {
        if (dbSystem != null) {
            return;
        }
        try {
            dbSystem = DbSystem.of(vendor.getMetaData().getDatabaseProductName());
        } catch (Throwable e) {
            dbSystem = DbSystem.OTHER_SQL; // a driver without metadata: the conventions' generic name
        }
    }

    /** The OpenTelemetry database attributes of an analysed statement (never a value: only its name's words). */
    private String[] telemetryAttributes(SqlAnalysis analysed) {
        String system = dbSystem == null ? DbSystem.OTHER_SQL : dbSystem;
        String summary = analysed.summary;
        int space = summary.indexOf(' ');
        return space < 0
                ? new String[] {"db.system.name", system, "db.operation.name", summary, "db.query.summary", summary}
                : new String[] {"db.system.name", system, "db.operation.name", summary.substring(0, space),
                    "db.collection.name", summary.substring(space + 1), "db.query.summary", summary};
    }

    /** Whether nothing will ever be recorded: the application turned JDBC timing off. */
    public boolean off() {
        active();
        return off;
    }

    /**
     * The recorded form of a SQL text, or null when nothing is recorded. Looking up a text seen before
     * allocates nothing: its cached analysis, then the form bound to this buffer, kept per analysis
     * (so no raw text is kept here either, and at most {@value #MAX_STATEMENTS}, all of analyses the
     * bounded {@link SqlCache} keeps).
     */
    Sql sql(String text) {
        if (text == null || !active()) {
            return null;
        }
        try {
            SqlAnalysis analysed = analyses.analysisOf(text);
            Sql known = statements.get(analysed);
            if (known != null) {
                return known;
            }
            DatabaseRecorders target = buffer();
            // cut as the buffer cuts metadata (never inside a surrogate pair), and kept cut
            String limited = new MetadataLimiter(target.metadataMaxLength()).limit(analysed.sanitized);
            Sql sql = new Sql(target.named(analysed.summary, telemetryAttributes(analysed)), limited);
            if (analysed.cached && statements.size() < MAX_STATEMENTS) {
                statements.putIfAbsent(analysed, sql);
            }
            return sql;
        } catch (Throwable e) {
            report("a SQL statement", e);
            return null;
        }
    }

    void executed(Sql sql, long start, long end, Throwable failure) {
        if (sql == null) {
            return;
        }
        try {
            if (failure == null) {
                sql.success.record(start, end);
            } else {
                sql.recorder.record(start, end, failed(sql, failure, null));
            }
        } catch (Throwable e) {
            report("a SQL statement", e);
        }
    }

    void batch(Sql sql, int size, long start, long end, Throwable failure) {
        if (sql == null) {
            return;
        }
        try {
            sql.recorder.record(start, end, failure == null
                    ? Map.of(Sql.SQL, sql.text, Outcomes.OUTCOME, Outcomes.SUCCESS, Sql.BATCH_SIZE, Integer.toString(size))
                    : failed(sql, failure, Integer.toString(size)));
        } catch (Throwable e) {
            report("a SQL batch", e);
        }
    }

    /** Opens a vendor object: a connection, an {@code XAConnection} or a {@code PooledConnection}. */
    @FunctionalInterface
    public interface Opener<T> {
        T open() throws SQLException;
    }

    /**
     * Opens a connection, timed as {@code getConnection}, and wraps it so that its statements are
     * recorded (from the moment there is a buffer to record into: a pool's first connections may be
     * made before the application's CDI container answers); when the application turned JDBC
     * timing off, returns the vendor's connection as it is.
     */
    public java.sql.Connection connect(Opener<java.sql.Connection> source) throws SQLException {
        if (off()) {
            return source.open();
        }
        return new MeasuredConnection(open(source, true), this);
    }

    /**
     * Opens a physical connection for a server's pool and wraps it so that the connections it hands
     * out are recorded. The open is timed as {@code getConnection} only once the application's
     * buffer is known: it runs inside the server's pool, in the server's context rather than the
     * application's, where a lookup may answer for another module (Open Liberty's does), so the
     * buffer is looked up only where the application runs its statements. The pool's own waits
     * happen above this data source, where it cannot see them. When JDBC timing is known to be
     * off, returns the connection as it is.
     */
    public javax.sql.PooledConnection connectPooled(Opener<? extends javax.sql.PooledConnection> source)
            throws SQLException {
        if (off) {
            return source.open();
        }
        return JdbcProxies.pooled(open(source, buffer != null), this);
    }

    private <T> T open(Opener<T> source, boolean timed) throws SQLException {
        long start = System.nanoTime();
        T opened;
        try {
            opened = source.open();
        } catch (SQLException | RuntimeException failure) {
            if (timed) {
                connected(start, System.nanoTime(), failure);
            }
            throw failure;
        }
        if (timed) {
            connected(start, System.nanoTime(), null);
        }
        return opened;
    }

    private void connected(long start, long end, Throwable failure) {
        if (!active()) {
            return;
        }
        try {
            DatabaseRecorder recorder = connections;
            if (recorder == null) {
                recorder = buffer().named(GET_CONNECTION);
                connections = recorder;
            }
            if (failure == null) {
                recorder.record(start, end);
            } else {
                recorder.record(start, end, failed(null, failure, null));
            }
        } catch (Throwable e) {
            report(GET_CONNECTION, e);
        }
    }

    /**
     * The metadata of a failure: its SQL when there is one, outcome ({@code expected} for an
     * exception of normal flow, else {@code error}), exception, SQL state, batch size.
     */
    private Map<String, String> failed(Sql sqlOrNull, Throwable failure, String batchSize) {
        Map<String, String> metadata = new java.util.HashMap<>();
        if (sqlOrNull != null) {
            metadata.put(Sql.SQL, sqlOrNull.text);
        }
        DatabaseRecorders target = buffer;
        metadata.put(Outcomes.OUTCOME, target != null && target.expected(failure) ? Outcomes.EXPECTED : Outcomes.ERROR);
        metadata.put(Outcomes.EXCEPTION, failure.getClass().getName());
        if (failure instanceof SQLException e && e.getSQLState() != null) {
            metadata.put(Sql.SQL_STATE, e.getSQLState());
        }
        if (batchSize != null) {
            metadata.put(Sql.BATCH_SIZE, batchSize);
        }
        return metadata;
    }

    /** Never throws: a failure to log (a stack overflow that left no room) is dropped; the count still grows. */
    private void report(String what, Throwable failure) {
        try {
            if (failure instanceof IllegalStateException) {
                // The application's container refuses its buffer: it has ended (WELD-000229), as when
                // Hibernate's create-drop drops its tables at undeploy. Nothing is wrong; nothing to record into.
                if (!endedLogged) {
                    endedLogged = true;
                    LOG.log(Level.INFO, "measured: {0} not recorded: its application''s CDI container no longer answers"
                            + " ({1}); such statements run unrecorded", new Object[] {what, failure.getMessage()});
                }
                return;
            }
            long n = failures.incrementAndGet();
            if (n == 1) {
                LOG.log(Level.WARNING, "measured: could not record " + what + "; the JDBC call itself was not affected",
                        failure);
            } else if (n % 1000 == 0) {
                LOG.log(Level.WARNING, "measured: {0} JDBC recordings failed so far; last: {1}",
                        new Object[] {n, String.valueOf(failure)});
            }
        } catch (Throwable dropped) { // reporting must never become the JDBC call's failure
        }
    }
}
