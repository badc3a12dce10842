package io.measured.internal.jdbc;

import static io.measured.internal.jdbc.SqlScanner.DOLLAR_QUOTES;
import static io.measured.internal.jdbc.SqlScanner.DOUBLE_QUOTED;
import static io.measured.internal.jdbc.SqlScanner.QUOTED_NAME;
import static io.measured.internal.jdbc.SqlScanner.VALUE;
import static io.measured.internal.jdbc.SqlScanner.token;
import static io.measured.internal.jdbc.SqlScanner.unknown;

/**
 * Where quoted tokens end, as every dialect reads them; a token is returned only where all readings
 * end it at the same place (else {@link SqlScanner#UNKNOWN}, as for one that does not end):
 * <ul>
 * <li>{@code '...'} and {@code "..."}: standard SQL escapes a quote by doubling it; MySQL, and
 * PostgreSQL in {@code E'...'} or with {@code standard_conforming_strings} off, also escape any
 * character with a backslash. Both readings must end the text at the same quote.</li>
 * <li>{@code `...`}: a name in MySQL and H2; the others read its inside as code, which must be clean
 * (whether it is kept is {@link SqlNames}'s call).</li>
 * <li>{@code q'[...]'} (Oracle, any delimiter): ends at the closing delimiter and a quote; the others
 * read the word {@code q} and a standard string, which must end at the same quote.</li>
 * <li>{@code $tag$...$tag$} (PostgreSQL, H2; any tag of letters, digits and {@code _} not starting
 * with a digit): the others read {@code $tag$} as a name and the inside as code, which must be clean.</li>
 * </ul>
 * Stateless.
 */
final class SqlQuotes {

    private SqlQuotes() {
    }

    /** A string opened by the quote at {@code quote}. */
    static long string(String sql, int quote, int limit) {
        int end = agreedEnd(sql, quote, limit);
        return end < 0 ? unknown() : token(VALUE, end);
    }

    static long doubleQuoted(String sql, int quote, int limit) {
        int end = agreedEnd(sql, quote, limit);
        return end < 0 ? unknown() : token(DOUBLE_QUOTED, end);
    }

    static long backticked(String sql, int quote, int limit, int readings) {
        int end = end(sql, quote, limit, false);
        // the dialects that read the inside as code have no # comments
        return end > 0 && SqlCode.clean(sql, quote + 1, end - 1, readings & ~SqlScanner.BACKTICKS & ~SqlScanner.HASH_COMMENTS)
                ? token(QUOTED_NAME, end) : unknown();
    }

    /** Whether {@code sql[from, to)} is Oracle's {@code q} or {@code nq} before a quote. */
    static boolean isQuotePrefix(String sql, int from, int to) {
        char q = sql.charAt(to - 1);
        char n = sql.charAt(from);
        return (q == 'q' || q == 'Q') && (to - from == 1 || to - from == 2 && (n == 'n' || n == 'N'));
    }

    /** Oracle's {@code q'<delimiter>...<closing delimiter>'} whose quote is at {@code quote}. */
    static long qQuoted(String sql, int quote, int limit) {
        long standard = string(sql, quote, limit);
        if (quote + 1 >= limit || Character.isWhitespace(sql.charAt(quote + 1))) {
            return standard; // no delimiter: Oracle refuses the statement, the others read a string
        }
        char close = closing(sql.charAt(quote + 1));
        for (int k = quote + 2; k + 1 < limit; k++) {
            if (sql.charAt(k) == close && sql.charAt(k + 1) == '\'') {
                return SqlScanner.kind(standard) == VALUE && SqlScanner.end(standard) == k + 2 ? standard : unknown();
            }
        }
        return unknown();
    }

    /** A dollar-quoted string, a {@code $1} parameter (or SQL Server's {@code $10} money), or a word starting with {@code $}. */
    static long dollar(String sql, int i, int limit, int readings) {
        int tagEnd = (readings & DOLLAR_QUOTES) != 0 ? tagEnd(sql, i, limit) : -1;
        if (tagEnd > 0) {
            return dollarQuoted(sql, i, tagEnd, limit, readings);
        }
        if (i + 1 < limit && SqlScanner.isDigit(sql.charAt(i + 1))) {
            return token(VALUE, SqlNumbers.end(sql, i + 1, limit));
        }
        return SqlScanner.word(sql, i, limit);
    }

    /** The index after the tag's closing {@code $} where a tag ({@code $$}, {@code $name$}) starts at {@code i}, else -1. */
    private static int tagEnd(String sql, int i, int limit) {
        int k = i + 1;
        if (k < limit && (Character.isLetter(sql.charAt(k)) || sql.charAt(k) == '_')) {
            k++;
            while (k < limit && (Character.isLetterOrDigit(sql.charAt(k)) || sql.charAt(k) == '_')) {
                k++;
            }
        }
        return k < limit && sql.charAt(k) == '$' ? k + 1 : -1;
    }

    private static long dollarQuoted(String sql, int open, int inside, int limit, int readings) {
        int tagLength = inside - open;
        for (int k = inside; k + tagLength <= limit; k++) {
            if (sql.charAt(k) == '$' && sql.regionMatches(k, sql, open, tagLength)) {
                return SqlCode.clean(sql, inside, k, readings & ~DOLLAR_QUOTES) ? token(VALUE, k + tagLength) : unknown();
            }
        }
        return unknown();
    }

    /** The end of the quoted text at {@code quote} read with and without backslash escapes, where both agree; else -1. */
    private static int agreedEnd(String sql, int quote, int limit) {
        int end = end(sql, quote, limit, false);
        if (end < 0) {
            return -1;
        }
        for (int k = quote + 1; k < end; k++) {
            if (sql.charAt(k) == '\\') {
                return end(sql, quote, limit, true) == end ? end : -1;
            }
        }
        return end; // no backslash: both readings see the same characters
    }

    /** The index after the quote closing the one at {@code quote} (doubled quotes inside), or -1. */
    private static int end(String sql, int quote, int limit, boolean backslashEscapes) {
        char q = sql.charAt(quote);
        int k = quote + 1;
        while (k < limit) {
            char c = sql.charAt(k);
            if (backslashEscapes && c == '\\') {
                k += 2;
            } else if (c != q) {
                k++;
            } else if (k + 1 < limit && sql.charAt(k + 1) == q) {
                k += 2;
            } else {
                return k + 1;
            }
        }
        return -1;
    }

    private static char closing(char open) {
        switch (open) {
            case '[':
                return ']';
            case '{':
                return '}';
            case '(':
                return ')';
            case '<':
                return '>';
            default:
                return open;
        }
    }
}
