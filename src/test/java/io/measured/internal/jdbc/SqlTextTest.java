package io.measured.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlTextTest {

    @Nested
    @DisplayName("sanitized text: no literal survives")
    class Sanitizing {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "SELECT * FROM notes WHERE title = 'secret'|SELECT * FROM notes WHERE title = ?",
            "SELECT * FROM notes WHERE title = 'it''s secret' AND id = 7|SELECT * FROM notes WHERE title = ? AND id = ?",
            "SELECT * FROM notes WHERE title = 'a -- not a comment' AND x = 1|SELECT * FROM notes WHERE title = ? AND x = ?",
            "SELECT /* hint 'secret' */ id FROM notes|SELECT id FROM notes",
            "UPDATE notes SET views = views + 1, score = -3.5e2 WHERE id = -42|UPDATE notes SET views = views + ?, score = ? WHERE id = ?",
            "SELECT * FROM notes WHERE id IN (1, 2, 3) AND tag IN ('a','b')|SELECT * FROM notes WHERE id IN (?) AND tag IN (?)",
            "SELECT * FROM notes WHERE id IN (?, ?, ?)|SELECT * FROM notes WHERE id IN (?)",
            "SELECT a - 1, b-2 FROM t1 WHERE c = 0x1F|SELECT a - ?, b-? FROM t1 WHERE c = ?",
            "INSERT INTO notes (title, body) VALUES ('x', N'unicode secret')|INSERT INTO notes (title, body) VALUES (?, ?)",
            "SELECT \"it's\", `col` FROM [dbo].[notes] WHERE v = .5|SELECT \"it's\", `col` FROM [dbo].[notes] WHERE v = ?",
            "SELECT $$secret body$$, $tag$more$tag$ FROM t|SELECT ?, ? FROM t",
            "SELECT * FROM t WHERE s = 'unterminated secret|SELECT * FROM t WHERE s = ?",
            "SELECT col1, t2.col3 FROM t2 LIMIT 10 OFFSET -1|SELECT col1, t2.col3 FROM t2 LIMIT ? OFFSET ?",
        })
        void replacesEveryLiteral(String sql, String expected) {
            assertThat(SqlSanitizer.sanitize(sql)).isEqualTo(expected);
        }

        @Test
        void dropsLineCommentsAndFoldsMultiLineText() {
            assertThat(SqlSanitizer.sanitize("SELECT *\n  FROM notes -- where secret = 'x'\n\tWHERE  id = ?\r\n"))
                    .isEqualTo("SELECT * FROM notes WHERE id = ?");
        }
    }

    @Nested
    @DisplayName("summary: verb and first table")
    class Summaries {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "SELECT * FROM notes WHERE id = ?|SELECT notes",
            "select n.id from notes n join tags t on t.note_id = n.id|SELECT notes",
            "INSERT INTO notes (title) VALUES (?)|INSERT notes",
            "UPDATE notes SET title = ? WHERE id = ?|UPDATE notes",
            "DELETE FROM notes WHERE id = ?|DELETE notes",
            "{call archive_notes(?)}|CALL archive_notes",
            "{? = call app.archive_notes(?)}|CALL app.archive_notes",
            "CALL archive_notes()|CALL archive_notes",
            "SELECT * FROM (SELECT * FROM notes) x|SELECT notes",
            "WITH recent AS (SELECT * FROM notes WHERE id > ?) SELECT * FROM recent|SELECT notes",
            "WITH r AS (SELECT 1) DELETE FROM archive WHERE id IN (SELECT * FROM r)|DELETE archive",
            "SELECT * FROM app.notes|SELECT app.notes",
            "SELECT * FROM \"App\".\"Notes\"|SELECT App.Notes",
            "SELECT 1|SELECT",
            "CREATE TABLE IF NOT EXISTS notes (id INT)|CREATE notes",
            "TRUNCATE TABLE notes|TRUNCATE notes",
            "MERGE INTO notes USING src ON (notes.id = src.id)|MERGE notes",
            "COMMIT|COMMIT",
            "  values (1)|VALUES",
        })
        void namesVerbAndTable(String sql, String summary) {
            assertThat(SqlSummary.of(SqlSanitizer.sanitize(sql))).isEqualTo(summary);
        }
    }
}
