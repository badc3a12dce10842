package io.measured.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.Metric;
import io.measured.MetricsBuffer;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbc.JdbcStatement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A result set whose statement the vendor made itself, not one of the measured statements (as a
 * driver may for its metadata queries), hands that statement out measured too. Real H2: its own
 * statements stand for the driver's.
 */
class MeasuredResultSetTest {

    private final MetricsBuffer buffer = new MetricsBuffer(100);
    private Connection vendor;
    private MeasuredConnection measured;

    @BeforeEach
    void database() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        vendor = h2.getConnection();
        try (Statement statement = vendor.createStatement()) {
            statement.execute("CREATE TABLE notes (id INT PRIMARY KEY, title VARCHAR(100))");
            statement.execute("INSERT INTO notes VALUES (1, 'first')");
        }
        measured = new MeasuredConnection(vendor, new JdbcRecorder(buffer));
    }

    @AfterEach
    void close() throws SQLException {
        vendor.close();
    }

    @Test
    @DisplayName("the vendor's statement is handed out measured, the same one each time, on the measured connection")
    void aStatementTheVendorMadeIsMeasured() throws SQLException {
        try (Statement driversOwn = vendor.createStatement();
                ResultSet rows = new MeasuredResultSet(driversOwn.executeQuery("SELECT * FROM notes"), measured, null)) {
            Statement reached = rows.getStatement();
            assertThat(reached).isNotSameAs(driversOwn).isSameAs(rows.getStatement());
            assertThat(reached.unwrap(JdbcStatement.class)).isSameAs(driversOwn);
            assertThat(reached.getConnection()).isSameAs(measured);
            reached.executeUpdate("DELETE FROM notes WHERE id = 99");
        }
        assertThat(buffer.getAll()).extracting(Metric::operationName).containsExactly("DELETE notes");
    }

    @Test
    @DisplayName("as a statement of its kind: prepared, callable")
    void ofItsKind() throws SQLException {
        try (PreparedStatement prepared = vendor.prepareStatement("SELECT * FROM notes");
                CallableStatement call = vendor.prepareCall("SELECT * FROM notes")) {
            ResultSet preparedRows = new MeasuredResultSet(prepared.executeQuery(), measured, null);
            assertThat(preparedRows.getStatement()).isInstanceOf(PreparedStatement.class)
                    .isNotInstanceOf(CallableStatement.class);
            assertThat(preparedRows.getStatement().unwrap(PreparedStatement.class)).isNotSameAs(prepared);
            ResultSet callRows = new MeasuredResultSet(call.executeQuery(), measured, null);
            assertThat(callRows.getStatement()).isInstanceOf(CallableStatement.class);
            assertThat(callRows.getStatement().getConnection()).isSameAs(measured);
        }
    }
}
