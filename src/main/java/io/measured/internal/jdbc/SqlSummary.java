package io.measured.internal.jdbc;

import java.util.Locale;
import java.util.Set;

/**
 * A bounded operation name for a SQL statement: {@code <VERB> <first table>}, such as
 * {@code SELECT notes}, {@code INSERT notes}, {@code CALL archive_notes}, or the verb alone where no
 * table is found. The verb is the statement's first word, or for {@code WITH ...} the first verb
 * after the common table expressions; the table is the first name after {@code FROM}, {@code INTO},
 * {@code UPDATE}, {@code JOIN}, {@code TABLE} (DDL) or {@code CALL} that is not a subquery,
 * schema-qualified as written, without identifier quotes. JDBC's {@code {call ...}} escape counts
 * as {@code CALL}. Reads a sanitized text (no literals, no comments). Stateless.
 */
final class SqlSummary {

    private static final Set<String> VERBS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT",
            "REPLACE", "CALL", "EXEC", "EXECUTE", "CREATE", "DROP", "ALTER", "TRUNCATE", "VALUES", "SHOW", "EXPLAIN",
            "GRANT", "REVOKE", "COMMIT", "ROLLBACK", "SAVEPOINT", "SET", "LOCK", "BEGIN");
    private static final Set<String> TABLE_KEYWORDS = Set.of("FROM", "INTO", "UPDATE", "JOIN", "TABLE", "CALL",
            "EXEC", "EXECUTE");
    /** Words that may stand between a table keyword and the table, or that are no table at all. */
    private static final Set<String> NOT_TABLES = Set.of("SELECT", "ONLY", "LATERAL", "IF", "NOT", "EXISTS",
            "TABLE", "WITH");

    private SqlSummary() {
    }

    static String of(String sanitized) {
        Tokens tokens = new Tokens(sanitized);
        String verb = null;
        String table = null;
        boolean cte = false;
        int depth = 0;
        String token;
        while ((token = tokens.next()) != null && (verb == null || table == null)) {
            char first = token.charAt(0);
            if (first == '(') {
                depth++;
                continue;
            }
            if (first == ')') {
                depth = Math.max(0, depth - 1);
                continue;
            }
            if (!SqlSanitizer.isWordChar(first)) {
                continue;
            }
            String upper = token.toUpperCase(Locale.ROOT);
            if (verb == null) {
                if (upper.equals("WITH") && !cte) {
                    cte = true;
                } else if (VERBS.contains(upper) && (!cte || depth == 0)) {
                    verb = upper.equals("EXECUTE") ? "EXEC" : upper;
                }
            }
            if (table == null && TABLE_KEYWORDS.contains(upper)) {
                table = tableAfter(tokens);
            }
        }
        if (verb == null) {
            verb = tokens.firstWord();
        }
        return table == null ? verb : verb + " " + table;
    }

    /** The table name the tokens go on with, or null for a subquery or no name; consumes it. */
    private static String tableAfter(Tokens tokens) {
        String token;
        while ((token = tokens.peek()) != null && SqlSanitizer.isWordChar(token.charAt(0))
                && NOT_TABLES.contains(token.toUpperCase(Locale.ROOT))) {
            tokens.next();
        }
        if (token == null || !(SqlSanitizer.isWordChar(token.charAt(0)) || isQuoted(token))) {
            return null;
        }
        StringBuilder name = new StringBuilder(unquote(tokens.next()));
        while (".".equals(tokens.peek())) {
            tokens.next();
            String part = tokens.peek();
            if (part == null || !(SqlSanitizer.isWordChar(part.charAt(0)) || isQuoted(part))) {
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

    /** Words, quoted identifiers and single punctuation characters of a sanitized text. */
    private static final class Tokens {
        private final String text;
        private int position;
        private String peeked;

        Tokens(String text) {
            this.text = text;
        }

        String peek() {
            if (peeked == null) {
                peeked = read();
            }
            return peeked;
        }

        String next() {
            String token = peek();
            peeked = null;
            return token;
        }

        String firstWord() {
            Tokens again = new Tokens(text);
            String token;
            while ((token = again.next()) != null) {
                if (Character.isLetter(token.charAt(0))) {
                    return token.toUpperCase(Locale.ROOT);
                }
            }
            return "SQL";
        }

        private String read() {
            while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '{'
                    || text.charAt(position) == '}')) {
                position++;
            }
            if (position >= text.length()) {
                return null;
            }
            int start = position;
            char c = text.charAt(position);
            if (c == '"' || c == '`' || c == '[') {
                int end = text.indexOf(c == '[' ? ']' : c, position + 1);
                position = end < 0 ? text.length() : end + 1;
            } else if (SqlSanitizer.isWordChar(c)) {
                while (position < text.length() && SqlSanitizer.isWordChar(text.charAt(position))) {
                    position++;
                }
            } else {
                position++;
            }
            return text.substring(start, position);
        }
    }
}
