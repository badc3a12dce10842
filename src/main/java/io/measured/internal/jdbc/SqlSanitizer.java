package io.measured.internal.jdbc;

/**
 * A SQL text without its values: every string literal (with {@code ''} escapes, also with a
 * one-letter prefix such as {@code N'..'} or {@code E'..'}), dollar-quoted string, and number
 * (also negative, decimal, exponent or hexadecimal) becomes {@code ?}; a list of only such values
 * after {@code IN} becomes one {@code ?}; comments are dropped; runs of white space become one
 * space. Quoted identifiers and {@code ?} parameter markers are kept as written. Strings are read
 * the standard way ({@code ''} escapes a quote): a dialect's backslash escape ends the literal
 * early, which can only replace more of the text by {@code ?}, never keep a value. Stateless.
 */
final class SqlSanitizer {

    private SqlSanitizer() {
    }

    static String sanitize(String sql) {
        StringBuilder out = new StringBuilder(Math.min(sql.length(), 4096));
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = skipString(sql, i, '\'');
                literal(out);
            } else if (c == '"' || c == '`') {
                i = copyQuoted(sql, i, c, out);
            } else if (c == '[') {
                i = copyQuoted(sql, i, ']', out);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                i = skipLineComment(sql, i);
                space(out);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = skipBlockComment(sql, i);
                space(out);
            } else if (c == '$' && dollarTag(sql, i) > 0) {
                i = skipDollarString(sql, i, dollarTag(sql, i));
                literal(out);
            } else if (startsNumber(sql, i, out)) {
                i = skipNumber(sql, c == '-' ? i + 1 : i);
                literal(out);
            } else if (Character.isWhitespace(c)) {
                space(out);
                i++;
            } else if (isWordChar(c) && i + 1 < n && sql.charAt(i + 1) == '\'' && !isWordChar(previous(sql, i))) {
                i = skipString(sql, i + 1, '\''); // N'..', E'..', X'..', B'..': the prefix goes with the value
                literal(out);
            } else {
                out.append(c);
                i++;
            }
        }
        return foldInLists(out.toString().strip());
    }

    private static void literal(StringBuilder out) {
        out.append('?');
    }

    private static void space(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
    }

    private static char previous(String sql, int i) {
        return i == 0 ? ' ' : sql.charAt(i - 1);
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#' || c == '@';
    }

    /** A number starts here: a digit (or a dot and a digit) not inside a name, or a unary minus before one. */
    private static boolean startsNumber(String sql, int i, StringBuilder out) {
        int at = i;
        if (sql.charAt(i) == '-') {
            char last = lastSignificant(out);
            boolean unary = last == 0 || "(,=<>+-*/%|&^!".indexOf(last) >= 0 || isWordChar(last) && endsWithKeyword(out);
            if (!unary) {
                return false;
            }
            at = i + 1;
        } else if (isWordChar(previous(sql, i)) || previous(sql, i) == '.') {
            return false; // a digit inside a name (t1) or after a qualifier
        }
        if (at >= sql.length()) {
            return false;
        }
        char d = sql.charAt(at);
        return Character.isDigit(d) || d == '.' && at + 1 < sql.length() && Character.isDigit(sql.charAt(at + 1));
    }

    private static char lastSignificant(StringBuilder out) {
        for (int k = out.length() - 1; k >= 0; k--) {
            if (out.charAt(k) != ' ') {
                return out.charAt(k);
            }
        }
        return 0;
    }

    /** Whether the text ends in a word that cannot end an expression (so a following minus is unary). */
    private static boolean endsWithKeyword(StringBuilder out) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && isWordChar(out.charAt(start - 1))) {
            start--;
        }
        String word = out.substring(start, end).toUpperCase(java.util.Locale.ROOT);
        switch (word) {
            case "SELECT": case "WHERE": case "AND": case "OR": case "NOT": case "BETWEEN": case "VALUES": case "SET":
            case "LIMIT": case "OFFSET": case "RETURN": case "THEN": case "ELSE": case "WHEN": case "IN": case "IS":
            case "LIKE": case "CASE": case "BY": case "HAVING": case "ON":
                return true;
            default:
                return false;
        }
    }

    private static int skipNumber(String sql, int i) {
        int n = sql.length();
        if (i + 1 < n && sql.charAt(i) == '0' && (sql.charAt(i + 1) == 'x' || sql.charAt(i + 1) == 'X')) {
            i += 2;
            while (i < n && Character.digit(sql.charAt(i), 16) >= 0) {
                i++;
            }
            return i;
        }
        while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
            i++;
        }
        if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
                j++;
            }
            if (j < n && Character.isDigit(sql.charAt(j))) {
                i = j;
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }

    /** Past the closing quote; a doubled quote is part of the literal; an unclosed one runs to the end. */
    private static int skipString(String sql, int i, char quote) {
        int n = sql.length();
        i++;
        while (i < n) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return n;
    }

    private static int copyQuoted(String sql, int i, char close, StringBuilder out) {
        int end = sql.indexOf(close, i + 1);
        end = end < 0 ? sql.length() : end + 1;
        out.append(sql, i, end);
        return end;
    }

    private static int skipLineComment(String sql, int i) {
        int end = sql.indexOf('\n', i);
        return end < 0 ? sql.length() : end + 1;
    }

    private static int skipBlockComment(String sql, int i) {
        int end = sql.indexOf("*/", i + 2);
        return end < 0 ? sql.length() : end + 2;
    }

    /** The length of a dollar-quote tag ({@code $$} or {@code $name$}) starting here, or 0. */
    private static int dollarTag(String sql, int i) {
        if (i > 0 && isWordChar(sql.charAt(i - 1))) {
            return 0;
        }
        int j = i + 1;
        while (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? j - i + 1 : 0;
    }

    private static int skipDollarString(String sql, int i, int tagLength) {
        String tag = sql.substring(i, i + tagLength);
        int end = sql.indexOf(tag, i + tagLength);
        return end < 0 ? sql.length() : end + tagLength;
    }

    /** {@code IN (?, ?, ?)} becomes {@code IN (?)}, whatever the spacing; other lists stay. */
    static String foldInLists(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int open = indexOfIn(text, i);
            if (open < 0) {
                break;
            }
            int close = listEnd(text, open + 1);
            if (close < 0) {
                out.append(text, i, open + 1);
                i = open + 1;
                continue;
            }
            out.append(text, i, open + 1).append("?)");
            i = close + 1;
        }
        return out.append(text, i, text.length()).toString();
    }

    /** The index of the '(' of the next {@code IN (} at or after {@code from}, or -1. */
    private static int indexOfIn(String text, int from) {
        for (int k = from; k + 1 < text.length(); k++) {
            char a = text.charAt(k);
            if ((a == 'i' || a == 'I') && (text.charAt(k + 1) == 'n' || text.charAt(k + 1) == 'N')
                    && (k == 0 || !isWordChar(text.charAt(k - 1)))) {
                int j = k + 2;
                while (j < text.length() && text.charAt(j) == ' ') {
                    j++;
                }
                if (j < text.length() && text.charAt(j) == '(') {
                    return j;
                }
            }
        }
        return -1;
    }

    /** The ')' closing a list of only {@code ?} and commas starting at {@code from}, or -1. */
    private static int listEnd(String text, int from) {
        boolean sawMark = false;
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '?') {
                sawMark = true;
            } else if (c == ')') {
                return sawMark ? k : -1;
            } else if (c != ',' && c != ' ') {
                return -1;
            }
        }
        return -1;
    }
}
