package io.measured;

import static io.measured.SeparateApplication.onThreadOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.measured.jdbc.MeasuredDataSource;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.PooledConnection;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A data source the server defines is one object that every application on the server uses, and
 * the physical connections its pool opens pass from one application to the next. Here the server
 * makes it and opens a connection on a thread of its own (whose loader sees no copy of measured),
 * application A shares this copy of the library (as an application does under GlassFish's
 * {@code lib} directory) and application B brings its own copy and container (as an application
 * on WildFly or Open Liberty does beside a server-level copy). Each statement is recorded into the
 * buffer of the application that runs it, and only there.
 */
class ServerDataSourceTest {

    /** The loader of a server's own threads: it sees no copy of measured. */
    private static final ClassLoader SERVER = ClassLoader.getPlatformClassLoader();

    private PooledConnection physical;
    private final URLClassLoader applicationA = new URLClassLoader(new URL[0], ServerDataSourceTest.class.getClassLoader());

    @BeforeEach
    void theServersDataSourceAndItsFirstConnection() throws Exception {
        MeasuredDataSource shared = onThreadOf(SERVER, () -> {
            MeasuredDataSource dataSource = new MeasuredDataSource();
            dataSource.setMeasuredTarget("org.h2.jdbcx.JdbcDataSource");
            dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return dataSource;
        });
        physical = onThreadOf(SERVER, shared::getPooledConnection);
        onThreadOf(SERVER, () -> run("CREATE TABLE notes (id INT PRIMARY KEY, title VARCHAR(100))"));
    }

    @AfterEach
    void close() throws Exception {
        physical.close();
        applicationA.close();
    }

    /** One statement on a logical connection of the shared physical one, as a pool hands it out. */
    private Void run(String sql) throws SQLException {
        try (Connection connection = physical.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        return null;
    }

    private static List<Map.Entry<String, Map<String, String>>> recorded(MetricsBuffer buffer) {
        return buffer.getAll().stream().map(metric -> Map.entry(metric.operationName(), metric.metadata())).toList();
    }

    @Test
    @DisplayName("two applications on one pooled connection each find their own statements in their own buffer;"
            + " the server's own statement is in neither")
    void eachApplicationGetsItsOwnStatements() throws Exception {
        try (WeldContainer containerA = onThreadOf(applicationA, () -> MeasuredContainers.start(Map.of()));
                SeparateApplication applicationB = SeparateApplication.start(Map.of())) {
            onThreadOf(applicationA, () -> run("INSERT INTO notes VALUES (1, 'alpha-secret')"));
            applicationB.run(() -> run("SELECT title FROM notes WHERE title = 'beta-secret'"));
            onThreadOf(applicationA, () -> run("UPDATE notes SET title = 'gamma-secret' WHERE id = 1"));
            onThreadOf(SERVER, () -> run("SELECT 1 FROM notes"));

            MetricsBuffer bufferA = containerA.select(MetricsBuffer.class).get();
            assertThat(recorded(bufferA)).containsExactly(
                    Map.entry("INSERT notes", Map.of("sql", "INSERT INTO notes VALUES (?, ?)", "outcome", "success")),
                    Map.entry("UPDATE notes", Map.of("sql", "UPDATE notes SET title = ? WHERE id = ?", "outcome", "success")));
            assertThat(applicationB.recorded()).containsExactly(Map.entry("SELECT notes",
                    Map.of("sql", "SELECT title FROM notes WHERE title = ?", "outcome", "success")));
            assertThat(recorded(bufferA) + " " + applicationB.recorded()).doesNotContain("secret");
        }
    }

    @Test
    @DisplayName("a statement after a garbage collection completes while another thread holds the callers' lock")
    void noStatementWaitsForTheCallersLock() throws Exception {
        try (WeldContainer containerA = onThreadOf(applicationA, () -> MeasuredContainers.start(Map.of()))) {
            onThreadOf(applicationA, () -> run("INSERT INTO notes VALUES (4, 'd')"));
            Class<?> callers = Class.forName("io.measured.internal.jdbc.CallerBuffers");
            java.lang.reflect.Field instance = callers.getDeclaredField("INSTANCE");
            instance.setAccessible(true);
            Object lock = instance.get(null);
            java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Thread holder = new Thread(() -> {
                synchronized (lock) { // as a thread remembering another application's loader holds it
                    held.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            holder.start();
            held.await();
            try {
                System.gc(); // what the callers' table holds only weakly is gone, as after any collection
                java.util.concurrent.FutureTask<Void> statement = new java.util.concurrent.FutureTask<>(
                        () -> onThreadOf(applicationA, () -> run("SELECT title FROM notes")));
                Thread worker = new Thread(statement);
                worker.setDaemon(true);
                worker.start();
                worker.join(2_000);
                assertThat(worker.getState()).as("the statement's thread, 2 s after it started").isEqualTo(Thread.State.TERMINATED);
            } finally {
                release.countDown();
                holder.join();
            }
            assertThat(recorded(containerA.select(MetricsBuffer.class).get())).extracting(Map.Entry::getKey)
                    .containsExactly("INSERT notes", "SELECT notes");
        }
    }

    @Test
    @DisplayName("an application with JDBC timing off records nothing, not even into the other's buffer")
    void jdbcTimingOffInOneApplication() throws Exception {
        try (WeldContainer containerA = onThreadOf(applicationA, () -> MeasuredContainers.start(Map.of()));
                SeparateApplication applicationB = SeparateApplication.start(Map.of("measured.jdbc.enabled", "false"))) {
            applicationB.run(() -> run("INSERT INTO notes VALUES (2, 'b')"));
            onThreadOf(applicationA, () -> run("SELECT title FROM notes"));

            assertThat(recorded(containerA.select(MetricsBuffer.class).get())).extracting(Map.Entry::getKey)
                    .containsExactly("SELECT notes");
            assertThat(applicationB.recorded()).isEmpty();
        }
    }

    @Test
    @DisplayName("a thread of an application whose container has not started records nothing; once it has, it records")
    void applicationNotStartedYet() throws Exception {
        onThreadOf(applicationA, () -> run("INSERT INTO notes VALUES (3, 'early')"));
        try (WeldContainer containerA = onThreadOf(applicationA, () -> MeasuredContainers.start(Map.of()))) {
            MetricsBuffer bufferA = containerA.select(MetricsBuffer.class).get();
            assertThat(bufferA.getAll()).isEmpty();
            org.awaitility.Awaitility.await("A's statements recorded once its container runs")
                    .atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> {
                        onThreadOf(applicationA, () -> run("SELECT title FROM notes"));
                        return !bufferA.getAll().isEmpty();
                    });
            assertThat(bufferA.getAll()).extracting(Metric::operationName).containsOnly("SELECT notes");
        }
    }
}
