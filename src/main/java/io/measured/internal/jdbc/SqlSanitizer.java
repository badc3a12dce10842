package io.measured.internal.jdbc;

/**
 * A SQL text without its values. Every string ({@code '..'}, {@code N'..'}, {@code E'..'},
 * {@code X'..'}, {@code B'..'}, {@code _utf8'..'}, Oracle's {@code q'[..]'}, dollar-quoted), number
 * (negative, decimal, exponent, hexadecimal, octal, binary, underscored) and {@code $n} parameter
 * becomes {@code ?}; a list of only such values after {@code IN} becomes one {@code (?)}; comments
 * are dropped; runs of white space become one space; names and {@code ?} markers are kept, double-quoted
 * names only where {@link SqlNames} tells them from MySQL strings.
 *
 * <p>Fails closed: the tokens come from {@link SqlScanner}, which reads the text as every dialect
 * does at once. Where the dialects may disagree on where a token ends (a backslash before a quote, a
 * nested comment, an Oracle q-quote holding a quote, ...), or a string, quoted name or comment does
 * not end, nothing after that point can be told from a value: the rest of the text is one {@code ?}.
 * So whichever dialect ran the text, no value and no comment is ever copied.
 *
 * <p>Writes to a {@link SqlSink}: the same pass builds the text once and later checks a raw text
 * against a cached one without allocating. Linear in the text's length. Stateless.
 */
final class SqlSanitizer {

    /** What the last token written was. */
    private static final int START = 0;
    private static final int WORD = 1;
    private static final int VALUE = 2;
    private static final int NAME = 3;
    private static final int OPEN = 4;
    private static final int CLOSE = 5;
    private static final int DOT = 6;
    private static final int SYMBOL = 7;
    /** Parenthesis levels whose kind is tracked; deeper ones count as no query (their quoted names are replaced). */
    private static final int LEVELS = 64;

    private SqlSanitizer() {
    }

    static String sanitize(String sql) {
        SqlTextBuilder text = new SqlTextBuilder(sql.length());
        write(sql, text);
        return text.toString();
    }

    /** Whether {@code sql} sanitizes to exactly the text {@code sink} compares with, which has {@code length} chars. */
    static boolean matches(String sql, SqlSink sink, int length) {
        return write(sql, sink) == length;
    }

    /** Writes the sanitized text; returns its length, or {@link SqlSink#FAILED} once the sink refused a piece. */
    static int write(String sql, SqlSink out) {
        int n = sql.length();
        int at = 0;
        boolean space = false;
        int last = START;
        int wordFrom = 0;
        int wordTo = 0;
        int words = 0;
        boolean namingTables = false; // the statement's first word is one whose FROM, INTO ... take table names
        int depth = 0;
        long queries = 1L; // bit d: the parenthesis open at depth d holds a query (bit 0: the statement)
        boolean opened = false;
        int bracketsCheckedTo = 0;
        int i = 0;
        while (i < n && at >= 0) {
            long token = SqlScanner.next(sql, i, n, SqlScanner.ALL);
            int kind = SqlScanner.kind(token);
            int end = SqlScanner.end(token);
            if (kind == SqlScanner.SPACE || kind == SqlScanner.COMMENT) {
                space = at > 0;
                i = end;
                continue;
            }
            if (space) {
                at = out.put(at, ' ');
                space = false;
            }
            boolean firstInParenthesis = opened;
            opened = false;
            if (kind == SqlScanner.BRACKET && i >= bracketsCheckedTo) {
                bracketsCheckedTo = SqlCode.bracketEnd(sql, i, n, SqlScanner.ALL);
                kind = bracketsCheckedTo < 0 ? SqlScanner.UNKNOWN : SqlScanner.SYMBOL;
            }
            if (kind == SqlScanner.UNKNOWN) {
                return out.put(at, '?'); // from here on, no reading can be trusted
            }
            char c = sql.charAt(i);
            int inList = c == '(' && last == WORD && SqlWords.is(sql, wordFrom, wordTo, "IN") ? SqlInList.end(sql, i, n) : -1;
            if (kind == SqlScanner.WORD) {
                at = out.put(at, sql, i, end);
                namingTables |= words++ == 0 && SqlWords.isOneOf(sql, i, end, SqlWords.NAMING_TABLES);
                if (firstInParenthesis && depth < LEVELS && SqlWords.isOneOf(sql, i, end, SqlWords.QUERIES)) {
                    queries |= 1L << depth;
                }
                last = WORD;
                wordFrom = i;
                wordTo = end;
            } else if (kind == SqlScanner.QUOTED_NAME && SqlNames.keepBackticked(sql, i, end)
                    || kind == SqlScanner.DOUBLE_QUOTED && SqlNames.keepDoubleQuoted(sql, i, end, last == DOT,
                            last == WORD && namingTables && isQuery(queries, depth)
                                    && SqlWords.isOneOf(sql, wordFrom, wordTo, SqlWords.BEFORE_TABLES))) {
                at = out.put(at, sql, i, end);
                last = NAME;
            } else if (kind == SqlScanner.VALUE || kind == SqlScanner.DOUBLE_QUOTED || kind == SqlScanner.QUOTED_NAME) {
                at = out.put(at, '?');
                last = VALUE;
            } else if (inList > 0) {
                at = out.put(at, "(?)", 0, 3);
                end = inList;
                last = CLOSE;
            } else if (c == '(') {
                at = out.put(at, c);
                depth++;
                if (depth < LEVELS) {
                    queries &= ~(1L << depth);
                }
                opened = true;
                last = OPEN;
            } else if (c == '-' && SqlScanner.startsNumber(sql, i + 1, n) && negates(last, sql, wordFrom, wordTo)) {
                at = out.put(at, '?');
                end = SqlNumbers.end(sql, i + 1, n);
                last = VALUE;
            } else {
                at = out.put(at, c);
                if (c == ')' && depth > 0) {
                    depth--;
                }
                last = c == '.' ? DOT : c == ')' || c == ']' ? CLOSE : c == '?' ? VALUE : SYMBOL;
            }
            i = end;
        }
        return at;
    }

    private static boolean isQuery(long queries, int depth) {
        return depth < LEVELS && (queries >>> depth & 1L) != 0;
    }

    /** Whether a minus after the last token is a sign (so it and the number are one value), not a subtraction. */
    private static boolean negates(int last, String sql, int wordFrom, int wordTo) {
        return last == START || last == OPEN || last == SYMBOL
                || last == WORD && SqlWords.isOneOf(sql, wordFrom, wordTo, SqlWords.BEFORE_VALUES);
    }
}
