package io.measured.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.measured.Metric;
import io.measured.MetricsBuffer;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Wrapper;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbc.JdbcPreparedStatement;
import org.h2.jdbc.JdbcResultSet;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every JDBC object an application reaches from a measured connection, through any getter, is
 * measured too (statements run through it are recorded) or is what the vendor answers where that
 * cannot run SQL (null). Real H2 in memory.
 */
@DisplayName("JDBC objects reached through getters stay measured")
class ReachableJdbcObjectsTest {

    private final MetricsBuffer buffer = new MetricsBuffer(100);
    private Connection connection;

    @BeforeEach
    void database() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection setup = h2.getConnection(); Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE notes (id INT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(100))");
            statement.execute("INSERT INTO notes (title) VALUES ('first'), ('second')");
        }
        DataSource measured = MeasuredDataSource.wrap(h2, buffer);
        connection = measured.getConnection();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private List<String> recorded() {
        return buffer.getAll().stream().map(Metric::operationName).filter(name -> !name.equals("getConnection")).toList();
    }

    /** Runs a statement through {@code reached}, which must record it as the one before it. */
    private void assertRecordsThrough(Statement reached) throws SQLException {
        int before = recorded().size();
        reached.executeUpdate("DELETE FROM notes WHERE id = 99");
        assertThat(recorded()).hasSize(before + 1).last().isEqualTo("DELETE notes");
    }

    @Nested
    @DisplayName("a result set's getStatement() is the measured statement that made it")
    class ResultSetsStatement {

        @Test
        void ofAStatementsQuery() throws SQLException {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT * FROM notes")) {
                assertThat(rows.getStatement()).isSameAs(statement);
                assertRecordsThrough(rows.getStatement());
            }
        }

        @Test
        void ofAPreparedQuery() throws SQLException {
            try (PreparedStatement query = connection.prepareStatement("SELECT * FROM notes WHERE id = ?")) {
                query.setInt(1, 1);
                try (ResultSet rows = query.executeQuery()) {
                    assertThat(rows.getStatement()).isSameAs(query);
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString("title")).isEqualTo("first");
                }
            }
        }

        @Test
        void ofACallableQuery() throws SQLException {
            try (CallableStatement call = connection.prepareCall("{call ABS(?)}")) {
                call.setInt(1, -4);
                try (ResultSet rows = call.executeQuery()) {
                    assertThat(rows.getStatement()).isSameAs(call);
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).isEqualTo(4);
                }
            }
        }

        @Test
        void ofGetResultSet() throws SQLException {
            try (Statement statement = connection.createStatement()) {
                assertThat(statement.execute("SELECT * FROM notes")).isTrue();
                try (ResultSet rows = statement.getResultSet()) {
                    assertThat(rows.getStatement()).isSameAs(statement);
                }
                assertThat(statement.execute("UPDATE notes SET title = 'x' WHERE id = 1")).isFalse();
                assertThat(statement.getResultSet()).as("no result set, as the vendor answers").isNull();
            }
        }

        @Test
        void ofAStatementsGeneratedKeys() throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO notes (title) VALUES ('third')", Statement.RETURN_GENERATED_KEYS);
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    assertThat(keys.getStatement()).isSameAs(statement);
                    assertThat(keys.next()).isTrue();
                    assertThat(keys.getInt(1)).isEqualTo(3);
                    assertRecordsThrough(keys.getStatement());
                }
            }
        }

        @Test
        void ofAPreparedStatementsGeneratedKeys() throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notes (title) VALUES (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, "third");
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    assertThat(keys.getStatement()).isSameAs(insert);
                    PreparedStatement reached = (PreparedStatement) keys.getStatement();
                    reached.setString(1, "fourth");
                    reached.executeUpdate();
                }
            }
            assertThat(recorded()).containsExactly("INSERT notes", "INSERT notes");
        }

        @Test
        @DisplayName("and that statement's getConnection() is the measured connection")
        void leadsBackToTheMeasuredConnection() throws SQLException {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT * FROM notes")) {
                assertThat(rows.getStatement().getConnection()).isSameAs(connection);
            }
        }
    }

    @Nested
    @DisplayName("a statement's getConnection() is the measured connection")
    class StatementsConnection {

        @Test
        void ofEveryKindOfStatement() throws SQLException {
            try (Statement statement = connection.createStatement();
                    PreparedStatement prepared = connection.prepareStatement("SELECT * FROM notes");
                    CallableStatement call = connection.prepareCall("{call ABS(?)}")) {
                assertThat(statement.getConnection()).isSameAs(connection);
                assertThat(prepared.getConnection()).isSameAs(connection);
                assertThat(call.getConnection()).isSameAs(connection);
            }
        }
    }

    @Nested
    @DisplayName("database metadata")
    class Metadata {

        @Test
        @DisplayName("getMetaData().getConnection() is the measured connection")
        void leadsBackToTheMeasuredConnection() throws SQLException {
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(metadata.getConnection()).isSameAs(connection);
            try (Statement statement = metadata.getConnection().createStatement()) {
                assertRecordsThrough(statement);
            }
            assertThat(metadata.getURL()).as("everything else as the vendor answers").startsWith("jdbc:h2:mem:");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"getTables", "getColumns", "getPrimaryKeys", "getIndexInfo", "getTypeInfo", "getSchemas",
            "getCatalogs", "getTableTypes"})
        @DisplayName("its result sets answer getStatement() as the vendor does: null")
        void resultSetsHaveNoStatement(String method) throws SQLException {
            DatabaseMetaData metadata = connection.getMetaData();
            try (ResultSet rows = metadataRows(metadata, method)) {
                assertThat(rows.getStatement()).isNull();
                assertThat(rows.unwrap(ResultSet.class)).as("a measured result set").isSameAs(rows);
                assertThat(rows.unwrap(JdbcResultSet.class)).isNotSameAs(rows);
                assertThat(rows.next()).isTrue();
            }
        }

        private ResultSet metadataRows(DatabaseMetaData metadata, String method) throws SQLException {
            return switch (method) {
                case "getTables" -> metadata.getTables(null, null, "NOTES", null);
                case "getColumns" -> metadata.getColumns(null, null, "NOTES", null);
                case "getPrimaryKeys" -> metadata.getPrimaryKeys(null, null, "NOTES");
                case "getIndexInfo" -> metadata.getIndexInfo(null, null, "NOTES", false, false);
                case "getTypeInfo" -> metadata.getTypeInfo();
                case "getSchemas" -> metadata.getSchemas();
                case "getCatalogs" -> metadata.getCatalogs();
                case "getTableTypes" -> metadata.getTableTypes();
                default -> throw new IllegalArgumentException("no such metadata method in this test: " + method);
            };
        }
    }

    @Nested
    @DisplayName("unwrap and isWrapperFor as the JDBC specification has them")
    class Unwrap {

        @Test
        @DisplayName("a JDBC interface the wrapper implements unwraps to the wrapper itself")
        void toTheWrapper() throws SQLException {
            assertThat(connection.unwrap(Connection.class)).isSameAs(connection);
            assertThat(connection.unwrap(Wrapper.class)).isSameAs(connection);
            try (PreparedStatement prepared = connection.prepareStatement("SELECT * FROM notes")) {
                assertThat(prepared.unwrap(Statement.class)).isSameAs(prepared);
                assertThat(prepared.unwrap(PreparedStatement.class)).isSameAs(prepared);
                try (ResultSet rows = prepared.executeQuery()) {
                    assertThat(rows.unwrap(ResultSet.class)).isSameAs(rows);
                }
            }
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(metadata.unwrap(DatabaseMetaData.class)).isSameAs(metadata);
            try (Statement statement = connection.unwrap(Connection.class).createStatement()) {
                assertRecordsThrough(statement);
            }
        }

        @Test
        @DisplayName("any other type reaches the vendor's object")
        void toTheVendor() throws SQLException {
            assertThat(connection.unwrap(JdbcConnection.class)).isInstanceOf(JdbcConnection.class).isNotSameAs(connection);
            assertThat(connection.isWrapperFor(JdbcConnection.class)).isTrue();
            assertThat(connection.isWrapperFor(Connection.class)).isTrue();
            try (PreparedStatement prepared = connection.prepareStatement("SELECT * FROM notes")) {
                assertThat(prepared.unwrap(JdbcPreparedStatement.class)).isInstanceOf(JdbcPreparedStatement.class);
                assertThat(prepared.isWrapperFor(JdbcPreparedStatement.class)).isTrue();
                assertThat(prepared.isWrapperFor(CallableStatement.class)).isFalse();
                try (ResultSet rows = prepared.executeQuery()) {
                    assertThat(rows.unwrap(JdbcResultSet.class)).isInstanceOf(JdbcResultSet.class);
                    assertThat(rows.isWrapperFor(JdbcResultSet.class)).isTrue();
                }
            }
        }

        @Test
        @DisplayName("a type nothing implements, or none, is an SQLException naming it, and no wrapper for it")
        void notAWrapperFor() throws SQLException {
            assertThat(connection.isWrapperFor(String.class)).isFalse();
            assertThat(connection.isWrapperFor(null)).isFalse();
            assertThatThrownBy(() -> connection.unwrap(String.class)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connection.unwrap(null)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("unwrap(null)");
        }
    }
}
