package io.measured.internal.jdbc;

/**
 * The tokens of a SQL text as every dialect the library is tested with reads them at once (H2,
 * PostgreSQL, MySQL/MariaDB, Oracle, SQL Server). Invariant of {@link #next}: called where every
 * dialect's reading is between two tokens, outside any literal, quoted name or comment, it returns
 * a token after which that holds again, or {@link #UNKNOWN} where the dialects may disagree on where
 * the token ends (or it does not end before {@code limit}): past that point no reading can be
 * trusted, so nothing of it may be copied. A token is packed in a {@code long} ({@link #kind},
 * {@link #end}) so that scanning allocates nothing. Stateless.
 */
final class SqlScanner {

    static final int SPACE = 0;
    /** A comment: dropped. */
    static final int COMMENT = 1;
    /** A string, number or parameter: written as {@code ?}. */
    static final int VALUE = 2;
    /** {@code "..."}: a name in most dialects, a string in MySQL's (see {@link SqlNames}). */
    static final int DOUBLE_QUOTED = 3;
    /** {@code `...`}: a name wherever it means anything. */
    static final int QUOTED_NAME = 4;
    static final int WORD = 5;
    /** {@code [}: SQL Server opens a name with it, others an array or subscript; see {@link SqlCode#bracketEnd}. */
    static final int BRACKET = 6;
    /** Any other single character. */
    static final int SYMBOL = 7;
    static final int UNKNOWN = 8;

    /*
     * Readings: each flag turns on a construct only some dialects have. Checking a stretch of text as
     * the other dialects read it is done with that construct's flag off, so checks nest at most once
     * per flag.
     */
    /** {@code #} starts a line comment (MySQL). */
    static final int HASH_COMMENTS = 1;
    /** {@code --} starts a comment without white space after it (all but MySQL). */
    static final int DASH_COMMENTS = 2;
    /** {@code //} starts a line comment (H2). */
    static final int SLASH_COMMENTS = 4;
    /** {@code $tag$ ... $tag$} is a string (PostgreSQL, H2). */
    static final int DOLLAR_QUOTES = 8;
    /** {@code [...]} is a name (SQL Server). */
    static final int BRACKETS = 16;
    /** {@code `...`} is a name (MySQL, H2). */
    static final int BACKTICKS = 32;
    static final int ALL = 63;

    private SqlScanner() {
    }

    static long token(int kind, int end) {
        return (long) kind << 32 | (end & 0xFFFF_FFFFL);
    }

    static long unknown() {
        return token(UNKNOWN, -1);
    }

    static int kind(long token) {
        return (int) (token >>> 32);
    }

    static int end(long token) {
        return (int) token;
    }

    /** The token starting at {@code i < limit}. */
    static long next(String sql, int i, int limit, int readings) {
        char c = sql.charAt(i);
        char d = i + 1 < limit ? sql.charAt(i + 1) : 0;
        if (Character.isWhitespace(c)) {
            int end = i + 1;
            while (end < limit && Character.isWhitespace(sql.charAt(end))) {
                end++;
            }
            return token(SPACE, end);
        }
        switch (c) {
            case '\'':
                return SqlQuotes.string(sql, i, limit);
            case '"':
                return SqlQuotes.doubleQuoted(sql, i, limit);
            case '`':
                return (readings & BACKTICKS) != 0 ? SqlQuotes.backticked(sql, i, limit, readings) : token(SYMBOL, i + 1);
            case '$':
                return SqlQuotes.dollar(sql, i, limit, readings);
            case '[':
                return token(BRACKET, i + 1);
            case '-':
                return d == '-' ? SqlComments.dashes(sql, i, limit, readings) : token(SYMBOL, i + 1);
            case '#':
                return (readings & HASH_COMMENTS) != 0 ? SqlComments.hash(sql, i, limit, readings) : token(SYMBOL, i + 1);
            case '/':
                if (d == '*') {
                    return SqlComments.block(sql, i, limit, readings);
                }
                return d == '/' && (readings & SLASH_COMMENTS) != 0
                        ? SqlComments.slashes(sql, i, limit, readings) : token(SYMBOL, i + 1);
            case '.':
                return isDigit(d) && !endsName(sql, i) ? token(VALUE, SqlNumbers.end(sql, i, limit)) : token(SYMBOL, i + 1);
            default:
                break;
        }
        if (isDigit(c)) {
            return token(VALUE, SqlNumbers.end(sql, i, limit));
        }
        if (isWordStart(c)) {
            return word(sql, i, limit);
        }
        return token(SYMBOL, i + 1);
    }

    /** A word, or the string it prefixes ({@code N'..'}, {@code _utf8'..'}, {@code q'[..]'}), which takes the prefix along. */
    static long word(String sql, int i, int limit) {
        int end = i + 1;
        while (end < limit && isWordChar(sql.charAt(end))) {
            end++;
        }
        if (end < limit && sql.charAt(end) == '\'') {
            if (SqlQuotes.isQuotePrefix(sql, i, end)) {
                return SqlQuotes.qQuoted(sql, end, limit);
            }
            if ((end - i == 1 && Character.isLetter(sql.charAt(i))) || sql.charAt(i) == '_') {
                return SqlQuotes.string(sql, end, limit);
            }
        }
        return token(WORD, end);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether a number starts at {@code i}: a digit, or a dot and a digit. */
    static boolean startsNumber(String sql, int i, int limit) {
        if (i >= limit) {
            return false;
        }
        char c = sql.charAt(i);
        return isDigit(c) || c == '.' && i + 1 < limit && isDigit(sql.charAt(i + 1));
    }

    static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '@';
    }

    /** Letters, digits, {@code _}, {@code $} and {@code @}; not {@code #}, which starts a comment in MySQL. */
    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@';
    }

    /** Whether the dot at {@code i} follows a name or a closing bracket (a qualifier, not a decimal point). */
    private static boolean endsName(String sql, int i) {
        if (i == 0) {
            return false;
        }
        char before = sql.charAt(i - 1);
        return isWordChar(before) || before == '"' || before == '`' || before == ']' || before == ')';
    }
}
