package io.measured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.measured.jdbc.MeasuredDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.UUID;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JDBC entry points an application uses without naming a buffer: a data source built from its
 * class name and properties (as a server builds a {@code <data-source>}), {@code wrap(DataSource)},
 * and the {@code jdbc:measured:} driver, each recording into the application's buffer found
 * through CDI, and passing through with {@code measured.jdbc.enabled=false}.
 */
class JdbcInApplicationTest {

    private static final String TABLE = "CREATE TABLE notes (id INT PRIMARY KEY, title VARCHAR(100))";

    private static String newDatabase() {
        return "h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static void useThrough(Connection connection) throws SQLException {
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute(TABLE);
            statement.executeUpdate("INSERT INTO notes VALUES (1, 'first')");
            try (ResultSet rows = statement.executeQuery("SELECT title FROM notes")) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    private static MeasuredDataSource configured(String database) {
        MeasuredDataSource dataSource = new MeasuredDataSource();
        dataSource.setMeasuredTarget("org.h2.jdbcx.JdbcDataSource");
        dataSource.setUrl("jdbc:" + database);
        return dataSource;
    }

    @Test
    @DisplayName("a failure the application names in measured.errors.expected is recorded as expected, not as an error")
    void anExpectedSqlFailureIsASuccess() throws SQLException {
        try (WeldContainer container = MeasuredContainers.start(Map.of("measured.errors.expected",
                "java.sql.SQLIntegrityConstraintViolationException"))) {
            try (Connection connection = configured(newDatabase()).getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute(TABLE);
                statement.executeUpdate("INSERT INTO notes VALUES (1, 'first')");
                assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO notes VALUES (1, 'again')"))
                        .isInstanceOf(java.sql.SQLIntegrityConstraintViolationException.class);
                assertThatThrownBy(() -> statement.executeQuery("SELECT nothing FROM nowhere"))
                        .isInstanceOf(SQLException.class);
            }
            MetricsBuffer buffer = container.select(MetricsBuffer.class).get();
            Metric duplicate = buffer.getAll().stream().filter(m -> m.operationName().equals("INSERT notes"))
                    .reduce((first, second) -> second).orElseThrow();
            assertThat(duplicate.metadata()).containsEntry("outcome", "expected").containsEntry("sql_state", "23505")
                    .containsEntry("sql", "INSERT INTO notes VALUES (?, ?)");
            assertThat(duplicate.metadata().get("exception")).endsWith("IntegrityConstraintViolationException");
            assertThat(buffer.getOperationStats()).filteredOn(s -> s.operationName().equals("INSERT notes"))
                    .singleElement().satisfies(s -> assertThat(s.errorCount()).isZero());
            assertThat(buffer.getOperationStats()).filteredOn(s -> s.operationName().equals("SELECT nowhere"))
                    .singleElement().satisfies(s -> assertThat(s.errorCount()).isEqualTo(1));
        }
    }

    @Test
    @DisplayName("with OpenTelemetry: statements go to db.client.operation.duration with the conventions' attributes")
    void statementsGoToOpenTelemetry() throws SQLException {
        try (WeldContainer container = MeasuredContainers.start(Map.of(), io.measured.kinds.OpenTelemetryBean.class)) {
            try (Connection connection = configured(newDatabase()).getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute(TABLE);
                statement.executeUpdate("INSERT INTO notes VALUES (1, 'secret title')");
                statement.executeUpdate("INSERT INTO notes VALUES (2, 'other')");
                assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO notes VALUES (1, 'again')"))
                        .isInstanceOf(SQLException.class);
            }
            var points = container.select(io.measured.kinds.OpenTelemetryBean.class).get().collectMetrics().stream()
                    .filter(m -> m.getName().equals("db.client.operation.duration"))
                    .flatMap(m -> m.getHistogramData().getPoints().stream())
                    .filter(p -> "INSERT notes".equals(p.getAttributes().get(
                            io.opentelemetry.api.common.AttributeKey.stringKey("db.query.summary"))))
                    .toList();
            assertThat(points).hasSize(2);
            assertThat(points).allSatisfy(p -> assertThat(p.getAttributes().asMap().values()).noneMatch(
                    v -> String.valueOf(v).contains("secret") || String.valueOf(v).contains("'")));
            var success = points.stream().filter(p -> p.getAttributes().size() == 4).findFirst().orElseThrow();
            assertThat(success.getCount()).isEqualTo(2);
            assertThat(success.getAttributes().asMap()).extractingFromEntries(e -> e.getKey().getKey() + "=" + e.getValue())
                    .containsExactlyInAnyOrder("db.system.name=h2database", "db.operation.name=INSERT",
                            "db.collection.name=notes", "db.query.summary=INSERT notes");
            var failure = points.stream().filter(p -> p.getAttributes().size() == 6).findFirst().orElseThrow();
            assertThat(failure.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(
                    "db.response.status_code"))).isEqualTo("23505");
            assertThat(failure.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("error.type")))
                    .endsWith("IntegrityConstraintViolationException");
        }
    }

    @Test
    @DisplayName("statements after the application's container ended run unrecorded, with no warning"
            + " (Hibernate's create-drop drops its tables then)")
    void statementsAfterTheApplicationEndedPassQuietly() throws SQLException {
        MeasuredDataSource dataSource = configured(newDatabase());
        try (WeldContainer container = MeasuredContainers.start(Map.of())) {
            useThrough(dataSource.getConnection());
        }
        try (LoggedRecords logs = LoggedRecords.of("io.measured.internal.jdbc.JdbcRecorder").listen()) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("DROP TABLE notes");
            }
            assertThat(logs.atLeast(Level.WARNING)).extracting(LogRecord::getMessage).isEmpty();
        }
    }

    @Test
    @DisplayName("a data source built from its class name records into the application's buffer")
    void aConfiguredDataSourceRecordsIntoTheApplicationsBuffer() throws SQLException {
        try (WeldContainer container = MeasuredContainers.start(Map.of())) {
            useThrough(configured(newDatabase()).getConnection());
            MetricsBuffer buffer = container.select(MetricsBuffer.class).get();
            assertThat(buffer.getAll()).extracting(Metric::operationName)
                    .containsExactly("getConnection", "CREATE notes", "INSERT notes", "SELECT notes");
        }
    }

    @ParameterizedTest(name = "{0}<vendor url>")
    @ValueSource(strings = {"jdbc:measured:", "jdbc:measured:measured:"})
    @DisplayName("a data source given only a jdbc:measured: URL (even measured twice over) reaches the database"
            + " through its driver, recording each statement once")
    void aMeasuredUrlNeedsNoVendorClass(String prefix) throws SQLException {
        MeasuredDataSource dataSource = new MeasuredDataSource();
        dataSource.setUrl(prefix + newDatabase());
        try (WeldContainer container = MeasuredContainers.start(Map.of())) {
            useThrough(dataSource.getConnection());
            assertThat(container.select(MetricsBuffer.class).get().getAll()).extracting(Metric::operationName)
                    .containsExactly("getConnection", "CREATE notes", "INSERT notes", "SELECT notes");
        }
    }

    @Test
    @DisplayName("a data source given only the vendor's URL reaches the database through its driver")
    void aVendorUrlNeedsNoVendorClass() throws SQLException {
        MeasuredDataSource dataSource = new MeasuredDataSource();
        dataSource.setUrl("jdbc:" + newDatabase());
        try (WeldContainer container = MeasuredContainers.start(Map.of())) {
            useThrough(dataSource.getConnection("sa", ""));
            assertThat(container.select(MetricsBuffer.class).get().getAll()).extracting(Metric::operationName)
                    .containsExactly("getConnection", "CREATE notes", "INSERT notes", "SELECT notes");
            assertThatThrownBy(dataSource::getXAConnection).isInstanceOf(java.sql.SQLFeatureNotSupportedException.class)
                    .hasMessageContaining("javax.sql.XADataSource");
        }
    }

    @Test
    @DisplayName("measured.target, the design's name, names the vendor class where properties are set by name")
    void theDesignsPropertyName() throws SQLException {
        MeasuredDataSource dataSource = new MeasuredDataSource();
        dataSource.setProperty("measured.target", "org.h2.jdbcx.JdbcDataSource");
        dataSource.setProperty("url", "jdbc:" + newDatabase());
        assertThat(dataSource.getMeasuredTarget()).isEqualTo("org.h2.jdbcx.JdbcDataSource");
        try (WeldContainer container = MeasuredContainers.start(Map.of())) {
            useThrough(dataSource.getConnection());
            assertThat(dataSource.unwrap(org.h2.jdbcx.JdbcDataSource.class)).isNotNull();
            assertThat(container.select(MetricsBuffer.class).get().getAll()).extracting(Metric::operationName)
                    .containsExactly("getConnection", "CREATE notes", "INSERT notes", "SELECT notes");
        }
    }

    @Test
    void noVendorClassAndNoUrlIsRefusedByName() {
        MeasuredDataSource dataSource = new MeasuredDataSource();
        dataSource.setUser("sa");
        assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class)
                .hasMessageContaining("'measuredTarget'").hasMessageContaining("jdbc:");
    }

    @Test
    void theDriverRecordsIntoTheApplicationsBuffer() throws SQLException {
        try (WeldContainer container = MeasuredContainers.start(Map.of())) {
            useThrough(DriverManager.getConnection("jdbc:measured:" + newDatabase()));
            MetricsBuffer buffer = container.select(MetricsBuffer.class).get();
            assertThat(buffer.getAll()).extracting(Metric::operationName)
                    .containsExactly("getConnection", "CREATE notes", "INSERT notes", "SELECT notes");
        }
    }

    @Test
    void wrapRecordsIntoTheApplicationsBuffer() throws SQLException {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:" + newDatabase());
        try (WeldContainer container = MeasuredContainers.start(Map.of())) {
            useThrough(MeasuredDataSource.wrap(h2).getConnection());
            assertThat(container.select(MetricsBuffer.class).get().getAll()).hasSize(4);
        }
    }

    @Test
    @DisplayName("a connection a pool made before the application started records its statements once it has")
    void connectionsMadeBeforeTheContainerRecordOnceItRuns() throws Exception {
        MeasuredDataSource dataSource = configured(newDatabase());
        Connection early = dataSource.getConnection(); // as a server's pool fills during deployment
        try (WeldContainer container = MeasuredContainers.start(Map.of())) {
            MetricsBuffer buffer = container.select(MetricsBuffer.class).get();
            org.awaitility.Awaitility.await("statements recorded once the buffer is found again")
                    .atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(200))
                    .until(() -> {
                        try (Statement statement = early.createStatement()) {
                            statement.executeQuery("SELECT 1").close();
                        }
                        return !buffer.getAll().isEmpty();
                    });
            assertThat(buffer.getAll()).extracting(Metric::operationName).containsOnly("SELECT");
        } finally {
            early.close();
        }
    }

    @Test
    @DisplayName("measured.jdbc.enabled=false makes every wrapper a pass-through")
    void disabledMeansPassThrough() throws SQLException {
        try (WeldContainer container = MeasuredContainers.start(Map.of("measured.jdbc.enabled", "false"))) {
            Connection connection = configured(newDatabase()).getConnection();
            assertThat(connection).isInstanceOf(org.h2.jdbc.JdbcConnection.class);
            useThrough(connection);
            useThrough(DriverManager.getConnection("jdbc:measured:" + newDatabase()));
            assertThat(container.select(MetricsBuffer.class).get().getAll()).isEmpty();
        }
    }
}
