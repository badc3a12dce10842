package io.measured.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.measured.Metric;
import io.measured.MetricsBuffer;
import io.measured.OperationStats;
import io.measured.OperationType;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import javax.sql.PooledConnection;
import javax.sql.XAConnection;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The JDBC wrappers against a real H2 in memory, recording into a buffer given in plain Java. */
class MeasuredDataSourceTest {

    private final MetricsBuffer buffer = new MetricsBuffer(100);
    private final JdbcDataSource h2 = new JdbcDataSource();
    private DataSource measured;

    @BeforeEach
    void database() throws SQLException {
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (id INT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(100))");
            statement.execute("INSERT INTO notes (title) VALUES ('first'), ('second')");
        }
        measured = MeasuredDataSource.wrap(h2, buffer);
    }

    private List<Metric> statements() {
        return buffer.getAll().stream().filter(m -> !m.operationName().equals("getConnection")).toList();
    }

    private Metric onlyStatement() {
        assertThat(statements()).hasSize(1);
        return statements().get(0);
    }

    @Nested
    @DisplayName("statements")
    class Statements {

        @Test
        void aPreparedQueryIsNamedByVerbAndTableWithItsTextButNotItsValues() throws SQLException {
            try (Connection connection = measured.getConnection();
                    PreparedStatement query = connection.prepareStatement("SELECT title FROM notes WHERE id = ?")) {
                query.setInt(1, 2);
                try (ResultSet rows = query.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("second");
                }
            }
            Metric metric = onlyStatement();
            assertThat(metric.operationType()).isEqualTo(OperationType.DATABASE);
            assertThat(metric.operationName()).isEqualTo("SELECT notes");
            assertThat(metric.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "sql", "SELECT title FROM notes WHERE id = ?", "outcome", "success"));
            assertThat(buffer.getAll()).extracting(Metric::operationName).contains("getConnection");
        }

        @Test
        void everyExecuteMethodIsRecordedOnce() throws SQLException {
            try (Connection connection = measured.getConnection(); Statement statement = connection.createStatement()) {
                assertThat(statement.execute("SELECT * FROM notes")).isTrue();
                assertThat(statement.executeUpdate("UPDATE notes SET title = 'x' WHERE id = 1")).isEqualTo(1);
                assertThat(statement.executeLargeUpdate("DELETE FROM notes WHERE id = 99")).isZero();
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM notes")) {
                    assertThat(rows.next()).isTrue();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notes (title) VALUES (?)")) {
                    insert.setString(1, "third");
                    assertThat(insert.executeUpdate()).isEqualTo(1);
                    insert.setString(1, "fourth");
                    assertThat(insert.execute()).isFalse();
                }
            }
            assertThat(statements()).extracting(Metric::operationName).containsExactly("SELECT notes", "UPDATE notes",
                    "DELETE notes", "SELECT notes", "INSERT notes", "INSERT notes");
            assertThat(statements().get(1).metadata()).containsEntry("sql", "UPDATE notes SET title = ? WHERE id = ?");
        }

        @Test
        void aBatchIsOneRecordWithItsSize() throws SQLException {
            try (Connection connection = measured.getConnection();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO notes (title) VALUES (?)")) {
                for (String title : new String[] {"a", "b", "c"}) {
                    insert.setString(1, title);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).containsExactly(1, 1, 1);
            }
            assertThat(onlyStatement().metadata()).containsEntry("batch_size", "3").containsEntry("outcome", "success");
            assertThat(onlyStatement().operationName()).isEqualTo("INSERT notes");
        }

        @Test
        void callableStatementsAndGeneratedKeysWork() throws SQLException {
            try (Connection connection = measured.getConnection()) {
                try (CallableStatement call = connection.prepareCall("{call ABS(?)}")) {
                    call.setInt(1, -4);
                    assertThat(call.execute()).isTrue();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notes (title) VALUES (?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, "keyed");
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        assertThat(keys.next()).isTrue();
                        assertThat(keys.getInt(1)).isEqualTo(3);
                    }
                }
            }
            assertThat(statements()).extracting(Metric::operationName).containsExactly("CALL ABS", "INSERT notes");
        }

        @Test
        void aFailureRethrowsTheSameExceptionAndRecordsItsState() throws SQLException {
            SQLException thrown;
            try (Connection connection = measured.getConnection(); Statement statement = connection.createStatement()) {
                SQLException direct = null;
                try (Statement raw = h2.getConnection().createStatement()) {
                    raw.executeQuery("SELECT * FROM missing WHERE secret = 'x'");
                } catch (SQLException e) {
                    direct = e;
                }
                assertThat((Object) direct).isNotNull();
                thrown = org.assertj.core.api.Assertions.catchThrowableOfType(
                        () -> statement.executeQuery("SELECT * FROM missing WHERE secret = 'x'"), SQLException.class);
                assertThat(thrown.getSQLState()).isEqualTo(direct.getSQLState());
                assertThat(thrown.getClass()).isEqualTo(direct.getClass());
            }
            Metric metric = onlyStatement();
            assertThat(metric.operationName()).isEqualTo("SELECT missing");
            assertThat(metric.metadata()).containsEntry("outcome", "error")
                    .containsEntry("exception", thrown.getClass().getName())
                    .containsEntry("sql_state", thrown.getSQLState())
                    .containsEntry("sql", "SELECT * FROM missing WHERE secret = ?");
            assertThat(buffer.getOperationStats()).filteredOn(s -> s.operationName().equals("SELECT missing"))
                    .singleElement().extracting(OperationStats::errorCount).isEqualTo(1L);
        }

        @Test
        void aStatementHandsBackTheWrappedConnection() throws SQLException {
            try (Connection connection = measured.getConnection(); Statement statement = connection.createStatement()) {
                assertThat(statement.getConnection()).isSameAs(connection);
            }
        }
    }

    @Nested
    @DisplayName("vendor objects")
    class Vendor {

        @Test
        void unwrapReachesTheVendorObjects() throws SQLException {
            assertThat(measured.unwrap(JdbcDataSource.class)).isSameAs(h2);
            assertThat(measured.isWrapperFor(JdbcDataSource.class)).isTrue();
            try (Connection connection = measured.getConnection()) {
                assertThat(connection.isWrapperFor(JdbcConnection.class)).isTrue();
                assertThat(connection.unwrap(JdbcConnection.class)).isInstanceOf(JdbcConnection.class);
                assertThat(connection).isNotInstanceOf(JdbcConnection.class);
            }
        }

        @Test
        void xaAndPooledConnectionsRecordTheirStatements() throws SQLException {
            MeasuredDataSource wrapper = MeasuredDataSource.wrap(h2, buffer);
            XAConnection xa = wrapper.getXAConnection();
            try (Connection connection = xa.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT * FROM notes");
            } finally {
                xa.close();
            }
            assertThat(xa.getXAResource()).isNotNull();
            PooledConnection pooled = wrapper.getPooledConnection();
            try (Connection connection = pooled.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM notes WHERE id = 1");
            } finally {
                pooled.close();
            }
            assertThat(statements()).extracting(Metric::operationName).containsExactly("SELECT notes", "DELETE notes");
            assertThat(buffer.getAll()).as("the two physical connections a pool would open, timed")
                    .filteredOn(m -> m.operationName().equals("getConnection")).hasSize(2)
                    .allSatisfy(m -> assertThat(m.metadata()).containsEntry("outcome", "success"));
        }

        @Test
        @DisplayName("as a class name with properties, as a server builds it")
        void builtFromItsClassNameAndProperties() throws SQLException {
            MeasuredDataSource configured = new MeasuredDataSource();
            configured.setMeasuredTarget("org.h2.jdbcx.JdbcDataSource");
            configured.setUrl(h2.getURL());
            configured.setDescription("the notes database");
            try (Connection connection = configured.getConnection(); Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM notes")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).isEqualTo(2);
                }
            }
            assertThat(configured.unwrap(JdbcDataSource.class).getURL()).isEqualTo(h2.getURL());
            assertThatThrownBy(() -> configured.setUrl("jdbc:h2:mem:other")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'url'");
        }

        @Test
        void aMisconfiguredTargetNamesWhatIsWrong() {
            MeasuredDataSource none = new MeasuredDataSource();
            assertThatThrownBy(none::getConnection).isInstanceOf(SQLException.class).hasMessageContaining("measuredTarget");
            MeasuredDataSource typo = new MeasuredDataSource();
            typo.setMeasuredTarget("org.h2.jdbcx.JdbcDataSourceX");
            assertThatThrownBy(typo::getConnection).isInstanceOf(SQLException.class)
                    .hasMessageContaining("org.h2.jdbcx.JdbcDataSourceX");
            MeasuredDataSource unknownProperty = new MeasuredDataSource();
            unknownProperty.setMeasuredTarget("org.h2.jdbcx.JdbcDataSource");
            unknownProperty.setProperty("colour", "blue");
            assertThatThrownBy(unknownProperty::getConnection).isInstanceOf(SQLException.class)
                    .hasMessageContaining("'colour'");
        }
    }

    @Test
    @DisplayName("a secret parameter or literal appears in no metric")
    void secretsNeverReachTheBuffer() throws SQLException {
        String secret = "s3cr3t-" + UUID.randomUUID();
        try (Connection connection = measured.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notes (title) VALUES (?)")) {
                insert.setString(1, secret);
                insert.executeUpdate();
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT * FROM notes WHERE title = '" + secret + "' OR id = 12345");
                assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM nowhere WHERE title = '" + secret + "'"))
                        .isInstanceOf(SQLException.class);
            }
        }
        assertThat(buffer.getAll().toString()).doesNotContain(secret).doesNotContain("12345");
        assertThat(buffer.getOperationStats().toString()).doesNotContain(secret);
    }
}
