package io.measured.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlTextTest {

    private static String nameOf(String sql) {
        return SqlSummary.of(SqlSanitizer.sanitize(sql));
    }

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
            "SELECT * FROM t WHERE id IN (1, -2, 'a', ?, $1 /* c */) AND x IN (a, 1)|SELECT * FROM t WHERE id IN (?) AND x IN (a, ?)",
            "SELECT a - 1, b-2 FROM t1 WHERE c = 0x1F|SELECT a - ?, b-? FROM t1 WHERE c = ?",
            "INSERT INTO notes (title, body) VALUES ('x', N'unicode secret')|INSERT INTO notes (title, body) VALUES (?, ?)",
            "SELECT N'x', x'1F', b'101', n'y', _latin1'z', U&'d\\0061t' FROM t|SELECT ?, ?, ?, ?, ?, U&? FROM t",
            "SELECT \"it's\", `col` FROM [dbo].[notes] WHERE v = .5|SELECT ?, `col` FROM [dbo].[notes] WHERE v = ?",
            "SELECT $$secret body$$, $tag$more$tag$, $q1$x$q1$ FROM t|SELECT ?, ?, ? FROM t",
            "SELECT 0b101101, 0o777, 4111_1111_1111_1111, 1e10, 2.5E-3, 7f FROM t|SELECT ?, ?, ?, ?, ?, ? FROM t",
            "SELECT col1, t2.col3 FROM t2 LIMIT 10 OFFSET -1|SELECT col1, t2.col3 FROM t2 LIMIT ? OFFSET ?",
            "SELECT ARRAY['secret', 'other'], x[1:2] FROM t|SELECT ARRAY[?, ?], x[?:?] FROM t",
            "SELECT a FROM t # a comment|SELECT a FROM t",
            "SELECT a FROM t -- a comment\\nWHERE b = 1 // another|SELECT a FROM t WHERE b = ?",
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 'a' -- c\\n $$ LANGUAGE sql|CREATE FUNCTION f() RETURNS int AS ? LANGUAGE sql",
            "SELECT $1, $10 FROM t WHERE a = :name|SELECT ?, ? FROM t WHERE a = :name",
            "{d '2026-01-01'}|{d ?}",
            "SELECT q'[it''s]', q'{a}', nq'!b!', 'secret'|SELECT ?, ?, ?, ?",
        })
        void replacesEveryLiteral(String sql, String expected) {
            assertThat(SqlSanitizer.sanitize(sql.replace("\\n", "\n"))).isEqualTo(expected);
        }

        @Test
        void dropsLineCommentsAndFoldsMultiLineText() {
            assertThat(SqlSanitizer.sanitize("SELECT *\n  FROM notes -- where secret = 'x'\n\tWHERE  id = ?\r\n"))
                    .isEqualTo("SELECT * FROM notes WHERE id = ?");
        }
    }

    @Nested
    @DisplayName("quoted names: kept where no string can stand, when they hold only words")
    class QuotedNames {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "SELECT * FROM \"App\".\"Notes\" n WHERE n.\"title\" = ? AND \"n\".id = \"literal\"|SELECT * FROM \"App\".\"Notes\" n WHERE n.\"title\" = ? AND \"n\".id = ?",
            "SELECT * FROM users WHERE password = \"secret\"|SELECT * FROM users WHERE password = ?",
            "SELECT \"title\" FROM \"Order Details\"|SELECT ? FROM \"Order Details\"",
            "SELECT TRIM(BOTH \"x\" FROM \"secret\") FROM \"t\"|SELECT TRIM(BOTH ? FROM ?) FROM \"t\"",
            "SELECT * FROM (SELECT * FROM \"t\") x|SELECT * FROM (SELECT * FROM \"t\") x",
            "PREPARE s FROM \"SELECT * FROM t WHERE pw = 'secret'\"|PREPARE s FROM ?",
            "PREPARE s FROM \"t\"|PREPARE s FROM ?",
            "IMPORT TABLE FROM \"/var/lib/t.sdi\"|IMPORT TABLE FROM ?",
            "REVOKE ALL ON db.* FROM \"alice\"@\"localhost\"|REVOKE ALL ON db.* FROM ?@?",
            "CLONE INSTANCE FROM \"bob\"@\"db\":3306 IDENTIFIED BY \"secret\"|CLONE INSTANCE FROM ?@?:? IDENTIFIED BY ?",
            "(SELECT a FROM \"t\") UNION (SELECT a FROM \"u\")|(SELECT a FROM \"t\") UNION (SELECT a FROM \"u\")",
            "INSERT INTO \"t\" (\"a\") VALUES (\"b\")|INSERT INTO \"t\" (?) VALUES (?)",
            "SELECT * FROM \"EMP#\" JOIN \" x\" ON \"2024\".a|SELECT * FROM \"EMP#\" JOIN ? ON ?.a",
            "SELECT `order id`, `emp#`, `2024`, `a-1`, `a 'b'` FROM `notes`|SELECT `order id`, `emp#`, ?, ?, ? FROM `notes`",
        })
        void keepsNamesAndReplacesWhatMayBeAString(String sql, String expected) {
            assertThat(SqlSanitizer.sanitize(sql)).isEqualTo(expected);
        }
    }

    @Nested
    @DisplayName("the leaks an independent review found: replaced, never copied")
    class ReviewedLeaks {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "backslash-escaped quote|SELECT * FROM notes WHERE title = 'it\\'s secret' AND id = 5|secret|SELECT * FROM notes WHERE title = ?",
            "E'' with a backslash-escaped quote|SELECT * FROM notes WHERE title = E'it\\'s secret' AND id = 5|secret|SELECT * FROM notes WHERE title = ?",
            "_utf8'' with a backslash-escaped quote|SELECT * FROM notes WHERE title = _utf8'it\\'s secret' AND id = 5|secret|SELECT * FROM notes WHERE title = ?",
            "a backslash before the closing quote|SELECT 'x\\' FROM topsecret', a FROM notes|topsecret|SELECT ?",
            "MySQL double-quoted string|SELECT * FROM users WHERE password = \"secret\"|secret|SELECT * FROM users WHERE password = ?",
            "MySQL double-quoted string with an apostrophe|SELECT * FROM users WHERE b = \"O'Brien\"|Brien|SELECT * FROM users WHERE b = ?",
            "dollar tag with a digit|SELECT $q1$secret$q1$ FROM t|secret|SELECT ? FROM t",
            "dollar tag with a digit around a quote|SELECT $a1$it's secret$a1$ FROM t|secret|SELECT ?",
            "Oracle q-quote in brackets|SELECT q'[it's secret]' FROM dual|secret|SELECT ?",
            "Oracle q-quote in angle brackets|SELECT q'<don't tell: hunter2>' FROM dual|hunter2|SELECT ?",
            "array literal|SELECT ARRAY['secret','other'] FROM t|secret|SELECT ARRAY[?,?] FROM t",
            "array slice|SELECT x[1:'secret'] FROM t|secret|SELECT x[?:?] FROM t",
            "nested block comment|SELECT a /* a /* b */ secret */ FROM t|secret|SELECT a ?",
            "MySQL hash comment|SELECT a FROM t # secret comment|secret|SELECT a FROM t",
            "binary number|SELECT 0b101101 FROM t|101101|SELECT ? FROM t",
            "octal number|SELECT 0o777 FROM t|777|SELECT ? FROM t",
            "underscored number|SELECT 4111_1111_1111_1111 FROM t|1111|SELECT ? FROM t",
            "unterminated double quote|SELECT \"a = 'secret'|secret|SELECT ?",
            "MySQL executable comment opening a call|SELECT /*!TRIM(BOTH*/ FROM \"secret\")|secret|SELECT ?",
            "MySQL versioned executable comment|SELECT /*!50000 TRIM(BOTH */ FROM \"secret\") FROM t|secret|SELECT ?",
            "MySQL executable comment before a string|SELECT a FROM /*!t WHERE b =*/ \"secret\"|secret|SELECT a FROM ?",
            "MariaDB executable comment|SELECT a FROM /*M!t WHERE b =*/ \"secret\"|secret|SELECT a FROM ?",
        })
        void neverCopiesTheSecret(String leak, String sql, String secret, String expected) {
            String sanitized = SqlSanitizer.sanitize(sql);
            assertThat(sanitized).isEqualTo(expected).doesNotContain(secret);
            assertThat(SqlSummary.of(sanitized)).doesNotContain(secret);
        }
    }

    @Nested
    @DisplayName("fails closed: where the dialects disagree or a token does not end, the rest is one ?")
    class FailsClosed {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "SELECT * FROM t WHERE s = 'unterminated secret|SELECT * FROM t WHERE s = ?",
            "SELECT a FROM t /* unterminated secret|SELECT a FROM t ?",
            "SELECT a FROM t WHERE a = 1 --x 'secret\\n' AND b = 2|SELECT a FROM t WHERE a = ? ?",
            "SELECT a FROM t WHERE a = 1 # it's\\n AND b = 'secret'|SELECT a FROM t WHERE a = ? ?",
            "SELECT a FROM t WHERE a = 1 // it's\\n AND b = 'secret'|SELECT a FROM t WHERE a = ? ?",
            "SELECT a FROM t -- x\\r'secret\\n AND b = 1|SELECT a FROM t ?",
            "SELECT /*! 'a */ secret' */ 1|SELECT ?",
            "SELECT /*/*/ secret */ 1|SELECT ?",
            "SELECT * FROM [my table] WHERE [it's] = 'secret'|SELECT * FROM [my table] WHERE ?",
            "SELECT `a'b` = 'secret'|SELECT ?",
            "SELECT $$ '$$ secret '|SELECT ?",
            "SELECT a FROM t WHERE b = `secret|SELECT a FROM t WHERE b = ?",
        })
        void replacesTheRest(String sql, String expected) {
            assertThat(SqlSanitizer.sanitize(sql.replace("\\n", "\n").replace("\\r", "\r"))).isEqualTo(expected);
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
            "INSERT IGNORE INTO notes VALUES (?)|INSERT notes",
            "UPDATE notes SET title = ? WHERE id = ?|UPDATE notes",
            "DELETE FROM notes WHERE id = ?|DELETE notes",
            "DELETE TOP (10) FROM notes|DELETE notes",
            "{call archive_notes(?)}|CALL archive_notes",
            "{? = call app.archive_notes(?)}|CALL app.archive_notes",
            "CALL archive_notes()|CALL archive_notes",
            "SELECT * FROM (SELECT * FROM notes) x|SELECT notes",
            "SELECT EXTRACT(YEAR FROM created) FROM notes|SELECT notes",
            "SELECT * FROM app.notes|SELECT app.notes",
            "SELECT * FROM \"App\".\"Notes\"|SELECT App.Notes",
            "SELECT * FROM [dbo].[Order Details]|SELECT dbo.Order Details",
            "SELECT 1|SELECT",
            "CREATE TABLE IF NOT EXISTS notes (id INT)|CREATE notes",
            "TRUNCATE TABLE notes|TRUNCATE notes",
            "MERGE INTO notes USING src ON (notes.id = src.id)|MERGE notes",
            "MERGE notes AS target USING src ON target.id = src.id|MERGE notes",
            "COMMIT|COMMIT",
            "  values (1)|VALUES",
            "select next value for Fruit_SEQ|SELECT Fruit_SEQ",
            "SELECT NEXT VALUE FOR app.notes_seq FROM dual|SELECT app.notes_seq",
            "create sequence Fruit_SEQ start with 1 increment by 50|CREATE Fruit_SEQ",
            "drop sequence if exists Fruit_SEQ|DROP Fruit_SEQ",
            "ALTER SEQUENCE notes_seq RESTART WITH ?|ALTER notes_seq",
            "SELECT title FROM notes FOR UPDATE|SELECT notes",
            "SELECT ? FOR UPDATE|SELECT",
        })
        void namesVerbAndTable(String sql, String summary) {
            assertThat(nameOf(sql)).isEqualTo(summary);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "WITH x AS (SELECT a FROM u) INSERT INTO t SELECT a FROM x|INSERT t",
            "WITH x AS (SELECT a FROM u) SELECT * FROM t JOIN x ON t.a = x.a|SELECT t",
            "WITH recent AS (SELECT * FROM notes WHERE id > ?) SELECT * FROM recent|SELECT recent",
            "WITH x AS (SELECT a FROM u) UPDATE t SET a = (SELECT a FROM x)|UPDATE t",
            "WITH r AS (SELECT 1) DELETE FROM archive WHERE id IN (SELECT * FROM r)|DELETE archive",
            "WITH s AS (SELECT * FROM staged) MERGE INTO t USING s ON (t.id = s.id) WHEN MATCHED THEN DELETE|MERGE t",
            "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r|SELECT r",
            "WITH a AS (SELECT (1 + 2) FROM (SELECT * FROM u) z), b (c) AS (SELECT * FROM a) UPDATE t SET x = 1|UPDATE t",
            "WITH a AS MATERIALIZED (SELECT * FROM u) INSERT INTO t SELECT * FROM a|INSERT t",
            ";WITH a AS (SELECT * FROM u) DELETE t FROM t JOIN a ON t.id = a.id|DELETE t",
        })
        void namesAWithStatementByItsOwnVerbAndTable(String sql, String summary) {
            assertThat(nameOf(sql)).isEqualTo(summary);
        }
    }
}
