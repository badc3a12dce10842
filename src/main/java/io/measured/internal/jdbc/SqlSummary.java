package io.measured.internal.jdbc;

import java.util.Locale;
import java.util.Set;

/**
 * A bounded operation name for a SQL statement: {@code <VERB> <first table>}, such as
 * {@code SELECT notes}, {@code INSERT notes}, {@code CALL archive_notes}, or the verb alone where no
 * table is found. The verb is the statement's first verb; in a {@code WITH} statement, the
 * statement's own verb after its common table expressions (the first verb right after a closing
 * parenthesis at the top level), so {@code WITH x AS (SELECT a FROM u) INSERT INTO t ...} is
 * {@code INSERT t}. The table is the first name, from the verb on, after {@code FROM}, {@code INTO},
 * {@code UPDATE}, {@code JOIN}, {@code TABLE}, {@code SEQUENCE}, {@code CALL}, {@code EXEC},
 * {@code NEXT VALUE FOR} (a sequence, as Hibernate asks H2 and SQL Server), or after a verb that names
 * its table ({@code DELETE t}, {@code MERGE INTO t}), in the statement or in a parenthesised query
 * (not in a function call such as {@code EXTRACT(YEAR FROM d)}) and not a subquery itself;
 * schema-qualified as written, without quotes. JDBC's {@code {call ...}} escape counts as
 * {@code CALL}. Reads a sanitized text, so a name holds nothing of a literal or a comment. Stateless.
 */
final class SqlSummary {

    private static final Set<String> VERBS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT",
            "REPLACE", "CALL", "EXEC", "EXECUTE", "CREATE", "DROP", "ALTER", "TRUNCATE", "VALUES", "SHOW", "EXPLAIN",
            "GRANT", "REVOKE", "COMMIT", "ROLLBACK", "SAVEPOINT", "SET", "LOCK", "BEGIN");
    private static final Set<String> TABLE_KEYWORDS = Set.of("FROM", "INTO", "UPDATE", "JOIN", "TABLE", "CALL",
            "EXEC", "EXECUTE", "INSERT", "DELETE", "MERGE", "UPSERT", "REPLACE", "TRUNCATE", "SEQUENCE");
    /** Words that may stand between a table keyword and the table, or that are no table at all. */
    private static final Set<String> NOT_TABLES = Set.of("SELECT", "ONLY", "LATERAL", "IF", "NOT", "EXISTS",
            "TABLE", "WITH", "INTO", "FROM", "IGNORE", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "QUICK", "TOP");
    private static final Set<String> QUERIES = Set.of("SELECT", "WITH", "VALUES", "TABLE");
    /** Parenthesis levels whose kind is tracked; deeper ones count as no query. */
    private static final int LEVELS = 64;

    private SqlSummary() {
    }

    static String of(String sanitized) {
        SqlTokens tokens = new SqlTokens(sanitized);
        String verb = null;
        String table = null;
        boolean with = false;
        boolean afterClose = false;
        boolean opened = false;
        String before = null;
        String previous = null;
        int depth = 0;
        long queries = 1L; // bit d: the parenthesis open at depth d holds a query (bit 0: the statement)
        String token;
        while (table == null && (token = tokens.next()) != null) {
            boolean firstInParenthesis = opened;
            boolean closed = afterClose;
            opened = false;
            afterClose = false;
            char first = token.charAt(0);
            if (first == '(') {
                depth++;
                queries &= depth < LEVELS ? ~(1L << depth) : -1L;
                opened = true;
            } else if (first == ')') {
                depth = Math.max(0, depth - 1);
                afterClose = depth == 0;
            } else if (SqlScanner.isWordChar(first)) {
                String upper = token.toUpperCase(Locale.ROOT);
                if (firstInParenthesis && depth < LEVELS && QUERIES.contains(upper)) {
                    queries |= 1L << depth;
                }
                if (verb == null && VERBS.contains(upper) && (!with || depth == 0 && closed)) {
                    verb = upper.equals("EXECUTE") ? "EXEC" : upper;
                }
                with |= verb == null && depth == 0 && upper.equals("WITH");
                boolean nextValueFor = upper.equals("FOR") && "VALUE".equals(previous) && "NEXT".equals(before);
                if (verb != null && (TABLE_KEYWORDS.contains(upper) || nextValueFor) && depth < LEVELS
                        && (queries >>> depth & 1L) != 0) {
                    table = tableAfter(tokens);
                }
                before = previous;
                previous = upper;
                continue;
            }
            before = previous;
            previous = null; // the words of NEXT VALUE FOR stand next to each other
        }
        if (verb == null) {
            verb = tokens.firstWord();
        }
        return table == null ? verb : verb + " " + table;
    }

    /** The table name the tokens go on with, or null for a subquery or no name; consumes it. */
    private static String tableAfter(SqlTokens tokens) {
        String token;
        while ((token = tokens.peek()) != null && SqlScanner.isWordChar(token.charAt(0))
                && NOT_TABLES.contains(token.toUpperCase(Locale.ROOT))) {
            tokens.next();
        }
        if (token == null || !(SqlScanner.isWordChar(token.charAt(0)) || isQuoted(token))) {
            return null;
        }
        StringBuilder name = new StringBuilder(unquote(tokens.next()));
        while (".".equals(tokens.peek())) {
            tokens.next();
            String part = tokens.peek();
            if (part == null || !(SqlScanner.isWordChar(part.charAt(0)) || isQuoted(part))) {
                break;
            }
            name.append('.').append(unquote(tokens.next()));
        }
        return name.toString();
    }

    private static boolean isQuoted(String token) {
        char c = token.charAt(0);
        return c == '"' || c == '`' || c == '[';
    }

    private static String unquote(String token) {
        return isQuoted(token) && token.length() >= 2 ? token.substring(1, token.length() - 1) : token;
    }
}
