package io.measured.internal.jdbc;

/**
 * Text that some dialects read as code where others see a quoted token or a comment (inside
 * backticks, brackets, dollar quotes, MySQL's {@code #} and {@code /*!} comments, {@code --x}, H2's
 * {@code //}): it may be skipped as one token only if it is clean, so that after it every reading is
 * between tokens again. Stateless.
 */
final class SqlCode {

    private SqlCode() {
    }

    /**
     * Whether every reading of {@code sql[from, to)} ends there between two tokens: every string,
     * quoted name and comment that starts in it also ends in it. {@code readings} are those of the
     * dialects for which the stretch is code.
     */
    static boolean clean(String sql, int from, int to, int readings) {
        int i = from;
        int bracketsCheckedTo = from;
        while (i < to) {
            long token = SqlScanner.next(sql, i, to, readings);
            int kind = SqlScanner.kind(token);
            if (kind == SqlScanner.UNKNOWN) {
                return false;
            }
            if (kind == SqlScanner.BRACKET && (readings & SqlScanner.BRACKETS) != 0 && i >= bracketsCheckedTo) {
                bracketsCheckedTo = bracketEnd(sql, i, to, readings);
                if (bracketsCheckedTo < 0) {
                    return false;
                }
            }
            i = SqlScanner.end(token);
        }
        return true;
    }

    /**
     * The index of the {@code ]} that ends SQL Server's bracketed name opened at {@code open}, if the
     * text between is clean code for the dialects that read {@code [} as an array or subscript
     * (so that after it every reading is between tokens again); else -1. Brackets inside share this
     * end, so a caller checks only brackets at or past the last end it got.
     */
    static int bracketEnd(String sql, int open, int limit, int readings) {
        int k = open + 1;
        while (k < limit) {
            if (sql.charAt(k) == ']') {
                if (k + 1 < limit && sql.charAt(k + 1) == ']') {
                    k += 2;
                    continue;
                }
                return clean(sql, open + 1, k, readings & ~SqlScanner.BRACKETS) ? k : -1;
            }
            k++;
        }
        return -1;
    }

}
