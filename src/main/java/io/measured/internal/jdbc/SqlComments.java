package io.measured.internal.jdbc;

import static io.measured.internal.jdbc.SqlScanner.COMMENT;
import static io.measured.internal.jdbc.SqlScanner.DASH_COMMENTS;
import static io.measured.internal.jdbc.SqlScanner.HASH_COMMENTS;
import static io.measured.internal.jdbc.SqlScanner.SLASH_COMMENTS;
import static io.measured.internal.jdbc.SqlScanner.SYMBOL;
import static io.measured.internal.jdbc.SqlScanner.token;
import static io.measured.internal.jdbc.SqlScanner.unknown;

/**
 * Where comments end, as every dialect reads them. All dialects read {@code /* ... *}{@code /} and
 * {@code --} followed by white space as comments. The rest is a comment in some dialects and code
 * in others, so it is a comment here only where that code is clean (every string and comment in it
 * ends with the comment): {@code #} (MySQL), {@code --} without white space (code in MySQL),
 * {@code //} (H2). {@code /*! ... *}{@code /} and {@code /*M! ... *}{@code /} are code in MySQL and
 * MariaDB, which can change what the text after them is, so they are {@link SqlScanner#UNKNOWN}. Block comments nest in PostgreSQL and SQL Server and not elsewhere, so one that holds
 * another {@code /*} is {@link SqlScanner#UNKNOWN}. A line comment ends at a line feed; one with a
 * lone carriage return, where some dialects end it, is UNKNOWN. Stateless.
 */
final class SqlComments {

    private SqlComments() {
    }

    /** {@code --} at {@code i}. */
    static long dashes(String sql, int i, int limit, int readings) {
        int end = lineEnd(sql, i + 2, limit);
        boolean spaced = i + 2 >= limit || isSpace(sql.charAt(i + 2));
        if (!spaced && (readings & DASH_COMMENTS) == 0) {
            return token(SYMBOL, i + 1); // MySQL alone: a minus
        }
        if (end < 0) {
            return unknown();
        }
        return spaced || SqlCode.clean(sql, i + 1, end, readings & ~DASH_COMMENTS) ? token(COMMENT, end) : unknown();
    }

    /** {@code #} at {@code i}: code after it for all but MySQL. */
    static long hash(String sql, int i, int limit, int readings) {
        return lineComment(sql, i + 1, limit, readings & ~HASH_COMMENTS);
    }

    /** {@code //} at {@code i}: for all but H2, code from the second slash on. */
    static long slashes(String sql, int i, int limit, int readings) {
        return lineComment(sql, i + 1, limit, readings & ~SLASH_COMMENTS);
    }

    /** {@code /*} at {@code i}. */
    static long block(String sql, int i, int limit, int readings) {
        for (int k = i + 2; k + 1 < limit; k++) {
            char c = sql.charAt(k);
            char d = sql.charAt(k + 1);
            if (c == '*' && d == '/') {
                // MySQL runs an executable comment's code, which can make what follows a string where the
                // others read a name (FROM /*!t WHERE b =*/ "secret"): nothing after it can be trusted.
                return executableFrom(sql, i + 2, k) < 0 ? token(COMMENT, k + 2) : unknown();
            }
            if (c == '/' && d == '*') {
                return unknown(); // nested: PostgreSQL and SQL Server end it later than the others
            }
        }
        return unknown();
    }

    /** A comment for some dialects from {@code code - 1} to the line's end, code for the others from {@code code}. */
    private static long lineComment(String sql, int code, int limit, int otherReadings) {
        int end = lineEnd(sql, code, limit);
        return end >= 0 && SqlCode.clean(sql, code, end, otherReadings) ? token(COMMENT, end) : unknown();
    }

    /**
     * The index of the line feed that ends a line comment whose text starts at {@code from}, or the end
     * of the text; -1 where a lone carriage return comes first, or the limit does (inside a stretch
     * being checked, whose end the comment would run past).
     */
    private static int lineEnd(String sql, int from, int limit) {
        for (int k = from; k < limit; k++) {
            char c = sql.charAt(k);
            if (c == '\n') {
                return k;
            }
            if (c == '\r' && k + 1 < sql.length() && sql.charAt(k + 1) != '\n') {
                return -1;
            }
        }
        return limit == sql.length() || sql.charAt(limit) == '\n' ? limit : -1;
    }

    /** Where MySQL's code starts in a block comment's text ({@code /*!}, MariaDB's {@code /*M!}), or -1. */
    private static int executableFrom(String sql, int text, int close) {
        if (text < close && sql.charAt(text) == '!') {
            return text + 1;
        }
        return text + 1 < close && sql.charAt(text) == 'M' && sql.charAt(text + 1) == '!' ? text + 2 : -1;
    }

    /** White space after which MySQL too reads {@code --} as a comment. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
