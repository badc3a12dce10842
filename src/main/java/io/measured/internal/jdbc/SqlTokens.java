package io.measured.internal.jdbc;

import java.util.Locale;

/**
 * Words, quoted names and single punctuation characters of a sanitized SQL text, one after the
 * other, with one of look-ahead; JDBC's escape braces are skipped. Not thread-safe: one per read.
 */
final class SqlTokens {

    private final String text;
    private int position;
    private String peeked;

    SqlTokens(String text) {
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
        SqlTokens again = new SqlTokens(text);
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
        } else if (SqlScanner.isWordChar(c)) {
            while (position < text.length() && SqlScanner.isWordChar(text.charAt(position))) {
                position++;
            }
        } else {
            position++;
        }
        return text.substring(start, position);
    }
}
