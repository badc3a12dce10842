package io.measured.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.measured.Metric;
import io.measured.MetricsBuffer;
import io.measured.internal.rest.EndpointTexts;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SQL text and names against a real database: statements H2 2.4 accepts, in its own mode and
 * in its MySQL, PostgreSQL and SQL Server modes, with secrets ({@code zq...}) in literals and
 * comments, run through {@link MeasuredDataSource}: each succeeds, is named and written as
 * expected, and no secret reaches what the endpoints serve.
 */
class SqlTextOnH2Test {

    private final MetricsBuffer buffer = new MetricsBuffer(100);

    private DataSource database(String mode) throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + (mode.isEmpty() ? "" : ";MODE=" + mode));
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (id INT PRIMARY KEY, title VARCHAR(200), tags VARCHAR(50) ARRAY)");
            statement.execute("CREATE TABLE \"Order Details\" (\"Id\" INT)");
            statement.execute("INSERT INTO notes (id, title) VALUES (1, 'first')");
        }
        return MeasuredDataSource.wrap(h2, buffer);
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "|INSERT INTO notes VALUES (2, 'it''s zqsecret', ARRAY['zqsecret', 'x'])|INSERT notes|INSERT INTO notes VALUES (?, ?, ARRAY[?, ?])",
        "|SELECT title FROM notes WHERE title = $$zqsecret$$|SELECT notes|SELECT title FROM notes WHERE title = ?",
        "|SELECT title FROM notes WHERE title = $$it's zqsecret$$ OR id = 1|SELECT notes|SELECT title FROM notes WHERE title = ?",
        "|SELECT /* zqsecret */ id FROM notes -- zqsecret\\n WHERE id IN (1, 2, 3)|SELECT notes|SELECT id FROM notes WHERE id IN (?)",
        "|SELECT id FROM notes // zqsecret\\n WHERE id = 1|SELECT notes|SELECT id FROM notes WHERE id = ?",
        "|SELECT id FROM notes /* a /* b */ zqsecret */ WHERE id = 1|SELECT notes|SELECT id FROM notes ?",
        "|SELECT X'0A1B2C3D', 0x1F2E3D, 0b1011, 0o17, 1_000_000, 1.5e-3, -42, .5 FROM notes|SELECT notes|SELECT ?, ?, ?, ?, ?, ?, ?, ? FROM notes",
        "|SELECT tags[1], TRIM(BOTH 'x' FROM 'zqsecret'), EXTRACT(YEAR FROM CURRENT_DATE) FROM notes|SELECT notes|SELECT tags[?], TRIM(BOTH ? FROM ?), EXTRACT(YEAR FROM CURRENT_DATE) FROM notes",
        "|SELECT COUNT(*) FROM (SELECT * FROM notes WHERE title <> 'zqsecret') x|SELECT notes|SELECT COUNT(*) FROM (SELECT * FROM notes WHERE title <> ?) x",
        "|WITH x AS (SELECT id FROM notes WHERE title <> 'zqsecret') SELECT * FROM x|SELECT x|WITH x AS (SELECT id FROM notes WHERE title <> ?) SELECT * FROM x",
        "|WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r|SELECT r|WITH RECURSIVE r(n) AS (SELECT ? UNION ALL SELECT n + ? FROM r WHERE n < ?) SELECT * FROM r",
        "|UPDATE notes SET title = N'zqsecret' WHERE id = -1|UPDATE notes|UPDATE notes SET title = ? WHERE id = ?",
        "|DELETE FROM notes WHERE title = U&'zqsecret'|DELETE notes|DELETE FROM notes WHERE title = U&?",
        "|MERGE INTO notes USING (SELECT 2 AS id) s ON notes.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (2, 'zqsecret', NULL)|MERGE notes|MERGE INTO notes USING (SELECT ? AS id) s ON notes.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (?, ?, NULL)",
        "|SELECT \"Id\" FROM \"Order Details\" WHERE \"Id\" = 5|SELECT Order Details|SELECT ? FROM \"Order Details\" WHERE ? = ?",
        "|SELECT * FROM notes WHERE title LIKE 'a\\_b' ESCAPE '\\'|SELECT notes|SELECT * FROM notes WHERE title LIKE ? ESCAPE ?",
        "|SELECT 'x\\', title FROM notes WHERE title <> 'zqsecret'|SELECT|SELECT ?",
        "MySQL|SELECT `title` FROM `NOTES` WHERE `title` <> 'zqsecret'|SELECT NOTES|SELECT `title` FROM `NOTES` WHERE `title` <> ?",
        "PostgreSQL|SELECT title FROM notes WHERE title <> E'zqsecret'|SELECT notes|SELECT title FROM notes WHERE title <> ?",
        "MSSQLServer|SELECT [TITLE] FROM [NOTES] WHERE [ID] = 7 AND [TITLE] <> N'zqsecret'|SELECT NOTES|SELECT [TITLE] FROM [NOTES] WHERE [ID] = ? AND [TITLE] <> ?",
    })
    void statementsH2AcceptsAreNamedAndWrittenWithoutTheirSecrets(String mode, String sql, String name, String text)
            throws SQLException {
        String statement = sql.replace("\\n", "\n");
        try (Connection connection = database(mode == null ? "" : mode).getConnection();
                Statement jdbc = connection.createStatement()) {
            assertThatCode(() -> jdbc.execute(statement)).as("H2 accepts it").doesNotThrowAnyException();
        }
        List<Metric> statements = buffer.getAll().stream().filter(m -> !m.operationName().equals("getConnection")).toList();
        assertThat(statements).singleElement().satisfies(metric -> {
            assertThat(metric.operationName()).isEqualTo(name);
            assertThat(metric.metadata()).containsEntry("sql", text).containsEntry("outcome", "success");
        });
        assertThat(new EndpointTexts().everything(buffer)).doesNotContain("zq");
    }
}
