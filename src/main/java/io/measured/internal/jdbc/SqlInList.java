package io.measured.internal.jdbc;

import static io.measured.internal.jdbc.SqlScanner.COMMENT;
import static io.measured.internal.jdbc.SqlScanner.DOUBLE_QUOTED;
import static io.measured.internal.jdbc.SqlScanner.SPACE;
import static io.measured.internal.jdbc.SqlScanner.SYMBOL;
import static io.measured.internal.jdbc.SqlScanner.VALUE;

/**
 * A parenthesis after {@code IN} that holds only values ({@code 1}, {@code 'a'}, {@code ?},
 * {@code -2}, {@code $1}, {@code "x"}), separated by commas, with any spaces and comments: written as
 * one {@code (?)}, so that lists of different lengths are one statement. Stateless.
 */
final class SqlInList {

    private SqlInList() {
    }

    /** The index after the {@code )} of such a list opened at {@code open}, or -1 for any other parenthesis. */
    static int end(String sql, int open, int limit) {
        boolean valueNext = true;
        int i = open + 1;
        while (i < limit) {
            long token = SqlScanner.next(sql, i, limit, SqlScanner.ALL);
            int kind = SqlScanner.kind(token);
            int end = SqlScanner.end(token);
            char c = sql.charAt(i);
            if (kind == SPACE || kind == COMMENT) {
                i = end;
                continue;
            }
            if (valueNext) {
                if (c == '-' && kind == SYMBOL && SqlScanner.startsNumber(sql, i + 1, limit)) {
                    end = SqlNumbers.end(sql, i + 1, limit);
                } else if (!(kind == VALUE || kind == DOUBLE_QUOTED || kind == SYMBOL && c == '?')) {
                    return -1;
                }
                valueNext = false;
            } else if (kind == SYMBOL && c == ',') {
                valueNext = true;
            } else {
                return kind == SYMBOL && c == ')' ? end : -1;
            }
            i = end;
        }
        return -1;
    }
}
