package io.measured.internal.jdbc;

/** Keyword tests on a word of a SQL text, in place (no copy, any case). Stateless. */
final class SqlWords {

    /** Words after which a minus and a number are one negative number. */
    static final String[] BEFORE_VALUES = {"SELECT", "WHERE", "AND", "OR", "NOT", "BETWEEN", "VALUES", "SET",
        "LIMIT", "OFFSET", "RETURN", "THEN", "ELSE", "WHEN", "IN", "IS", "LIKE", "CASE", "BY", "HAVING", "ON"};
    /** Words a table name follows. */
    static final String[] BEFORE_TABLES = {"FROM", "JOIN", "INTO", "UPDATE", "TABLE"};
    /** First words of statements in which a name follows {@link #BEFORE_TABLES} (not PREPARE, REVOKE, CLONE ...). */
    static final String[] NAMING_TABLES = {"SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "UPSERT", "WITH",
        "CREATE", "ALTER", "DROP", "TRUNCATE", "LOCK", "CALL", "EXPLAIN", "TABLE", "VALUES"};
    /** Words a query in parentheses starts with. */
    static final String[] QUERIES = {"SELECT", "WITH", "VALUES", "TABLE"};

    private SqlWords() {
    }

    /** Whether {@code sql[from, to)} is {@code word}, in any case. */
    static boolean is(String sql, int from, int to, String word) {
        return to - from == word.length() && sql.regionMatches(true, from, word, 0, word.length());
    }

    static boolean isOneOf(String sql, int from, int to, String[] words) {
        for (String word : words) {
            if (is(sql, from, to, word)) {
                return true;
            }
        }
        return false;
    }
}
