package io.measured.bench;

import com.p6spy.engine.common.PreparedStatementInformation;
import com.p6spy.engine.common.StatementInformation;
import com.p6spy.engine.event.JdbcEventListener;
import com.p6spy.engine.spy.P6DataSource;
import io.measured.MetricsBuffer;
import io.measured.OperationRecorder;
import io.measured.OperationType;
import io.measured.jdbc.MeasuredDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost a JDBC wrapper adds to one statement: a primary-key {@code SELECT} on H2 in memory, read
 * to its one row, through the bare H2 data source, {@code MeasuredDataSource}, p6spy and
 * datasource-proxy; {@link #primaryKeySelect} through a reused {@code PreparedStatement} (its SQL
 * resolved once), {@link #statementSeenBefore} as one text with a literal through a reused
 * {@code Statement}, so that every call looks its text up again (for {@code MeasuredDataSource}:
 * the same {@code String}, found at once), and {@link #equalStatementSeenBefore} the same with an
 * equal text in a new {@code String} each time (re-sanitized against the cached analysis, which
 * keeps no raw text alive; the copy is the same for every wrapper). Each peer does comparable
 * work: it times the execution and captures the SQL text (never the values), and its listener
 * records both into a {@code MetricsBuffer} through a recorder cached per SQL text, as
 * {@code MeasuredDataSource} does, so the differences are the wrappers' own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class JdbcBenchmark {

    private static final String QUERY = "SELECT TITLE FROM NOTES WHERE ID = ?";
    private static final String LITERAL_QUERY = "SELECT TITLE FROM NOTES WHERE ID = 7";
    private static final char[] LITERAL_QUERY_CHARS = LITERAL_QUERY.toCharArray();
    private static final int ROWS = 1_000;

    @Param({"raw", "measured", "p6spy", "datasource-proxy"})
    public String wrapper;

    private Connection connection;
    private PreparedStatement query;
    private Statement statement;
    private long id;

    /** What the peers' listeners record into, as MeasuredDataSource records into its buffer. */
    static final class Capture {
        final MetricsBuffer buffer = new MetricsBuffer(1_000);
        private final Map<String, OperationRecorder> recorders = new ConcurrentHashMap<>();

        void record(String sql, long start, long end) {
            recorders.computeIfAbsent(sql, text -> buffer.recorder(OperationType.DATABASE, "SELECT NOTES"))
                    .record(start, end, Map.of("sql", sql));
        }
    }

    @Setup(Level.Trial)
    public void open() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:bench-" + Thread.currentThread().getId() + ";DB_CLOSE_DELAY=-1");
        try (Connection setup = h2.getConnection(); Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS NOTES (ID BIGINT PRIMARY KEY, TITLE VARCHAR(100))");
            statement.execute("DELETE FROM NOTES");
            statement.execute("INSERT INTO NOTES SELECT X, 'note ' || X FROM SYSTEM_RANGE(1, " + ROWS + ")");
        }
        connection = wrap(h2).getConnection();
        query = connection.prepareStatement(QUERY);
        statement = connection.createStatement();
    }

    private DataSource wrap(JdbcDataSource h2) {
        Capture capture = new Capture();
        return switch (wrapper) {
            case "raw" -> h2;
            case "measured" -> MeasuredDataSource.wrap(h2, capture.buffer);
            case "p6spy" -> {
                P6DataSource spy = new P6DataSource(h2);
                spy.setJdbcEventListenerFactory(() -> new JdbcEventListener() {
                    @Override
                    public void onAfterExecuteQuery(PreparedStatementInformation statement, long nanos, SQLException e) {
                        long end = System.nanoTime();
                        capture.record(statement.getSql(), end - nanos, end);
                    }

                    @Override
                    public void onAfterExecuteQuery(StatementInformation statement, long nanos, String sql, SQLException e) {
                        long end = System.nanoTime();
                        capture.record(sql, end - nanos, end);
                    }
                });
                yield spy;
            }
            case "datasource-proxy" -> ProxyDataSourceBuilder.create(h2).listener(new QueryExecutionListener() {
                @Override
                public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                }

                @Override
                public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                    long end = System.nanoTime();
                    capture.record(queries.get(0).getQuery(), end - TimeUnit.MILLISECONDS.toNanos(execution.getElapsedTime()), end);
                }
            }).build();
            default -> throw new IllegalArgumentException("wrapper " + wrapper);
        };
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        query.close();
        statement.close();
        connection.close();
    }

    @Benchmark
    public String primaryKeySelect() throws SQLException {
        id = id == ROWS ? 1 : id + 1;
        query.setLong(1, id);
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    @Benchmark
    public String statementSeenBefore() throws SQLException {
        try (ResultSet row = statement.executeQuery(LITERAL_QUERY)) {
            row.next();
            return row.getString(1);
        }
    }

    @Benchmark
    public String equalStatementSeenBefore() throws SQLException {
        try (ResultSet row = statement.executeQuery(new String(LITERAL_QUERY_CHARS))) {
            row.next();
            return row.getString(1);
        }
    }
}
