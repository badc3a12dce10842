package io.measured.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.measured.MetricsBuffer;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A second copy of the library, loaded apart as a server library is beside an application's own,
 * records the SQL it sees into the buffer of the application's copy.
 */
class ForeignRecordersTest {

    private URLClassLoader applications;
    private Object applicationsBuffer;
    private final JdbcDataSource h2 = new JdbcDataSource();

    @BeforeEach
    void twoCopies() throws Exception {
        URL classes = MetricsBuffer.class.getProtectionDomain().getCodeSource().getLocation();
        applications = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
        Class<?> bufferClass = applications.loadClass(MetricsBuffer.class.getName());
        assertThat(bufferClass).isNotSameAs(MetricsBuffer.class);
        applicationsBuffer = bufferClass.getConstructor(int.class).newInstance(100);
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void close() throws Exception {
        applications.close();
    }

    private JdbcRecorder recordingIntoTheOtherCopy() {
        return new JdbcRecorder(() -> {
            try {
                return new ForeignRecorders(applicationsBuffer, applications);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** The other copy's metrics as (name, metadata) pairs, read through its public API. */
    private List<Map.Entry<String, Object>> recorded() throws Exception {
        List<Map.Entry<String, Object>> found = new ArrayList<>();
        for (Object metric : (List<?>) applicationsBuffer.getClass().getMethod("getAll").invoke(applicationsBuffer)) {
            Class<?> type = metric.getClass();
            found.add(Map.entry((String) type.getMethod("operationName").invoke(metric),
                    type.getMethod("metadata").invoke(metric)));
        }
        return found;
    }

    @Test
    @DisplayName("statements and connections of this copy land in the other copy's buffer, values left out")
    void statementsLandInTheOtherCopysBuffer() throws Exception {
        JdbcRecorder recorder = recordingIntoTheOtherCopy();
        try (Connection connection = recorder.connect(h2::getConnection);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (id INT PRIMARY KEY, title VARCHAR(100))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notes VALUES (?, ?)")) {
                insert.setInt(1, 1);
                insert.setString(2, "secret-value");
                insert.executeUpdate();
            }
            try (ResultSet rows = statement.executeQuery("SELECT title FROM notes WHERE title = 'secret-literal'")) {
                assertThat(rows.next()).isFalse();
            }
        }
        assertThat(recorded()).extracting(Map.Entry::getKey)
                .containsExactly("getConnection", "CREATE notes", "INSERT notes", "SELECT notes");
        assertThat(recorded().get(3).getValue()).isEqualTo(Map.of("sql", "SELECT title FROM notes WHERE title = ?",
                "outcome", "success"));
        assertThat(recorded().toString()).doesNotContain("secret");
    }

    @Test
    @DisplayName("a failing statement is recorded by the other copy with its SQL state, and rethrown as it was")
    void aFailureIsRecordedThere() throws Exception {
        JdbcRecorder recorder = recordingIntoTheOtherCopy();
        SQLException thrown;
        try (Connection connection = recorder.connect(h2::getConnection);
                Statement statement = connection.createStatement()) {
            thrown = catchThrowableOfType(SQLException.class, () -> statement.executeQuery("SELECT * FROM missing"));
        }
        assertThat((Throwable) thrown).isNotNull();
        assertThat(recorded()).hasSize(2);
        @SuppressWarnings("unchecked")
        Map<String, String> failure = (Map<String, String>) recorded().get(1).getValue();
        assertThat(failure).containsEntry("outcome", "error")
                .containsEntry("exception", thrown.getClass().getName())
                .containsEntry("sql_state", thrown.getSQLState());
    }

    @Test
    @DisplayName("the application's buffer is looked up in the copy its class loader sees, not in this one")
    void theLookupGoesToTheCopyTheContextLoaderSees() throws Exception {
        // That copy has no CDI API to reach: it answers "no container yet", as a copy with no
        // application started does, rather than this copy answering for it.
        Class<?> copy = applications.loadClass(ApplicationBuffer.class.getName());
        assertThatThrownBy(() -> ApplicationBuffer.lookUpIn(copy))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no CDI container");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(applications);
        try {
            assertThat(new ApplicationBuffer().get()).as("a copy first used for another copy's application")
                    .isSameAs(CallerRecorders.INSTANCE);
            assertThat(CallerBuffers.INSTANCE.current()).as("nothing to record into while that copy answers 'not yet'")
                    .isNull();
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }
}
