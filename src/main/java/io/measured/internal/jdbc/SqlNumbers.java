package io.measured.internal.jdbc;

/**
 * Where a number ends: greedy over every letter, digit, {@code _}, {@code $}, {@code @} and dot after
 * its first digit, and over an exponent's sign, so that decimal, hexadecimal ({@code 0x1F}), octal
 * ({@code 0o17}), binary ({@code 0b101}), underscored ({@code 4111_1111}), exponent ({@code 1.5e-3})
 * and suffixed ({@code 2.5f}) forms all end as one value, and no part of a value is left to be read
 * as a name. Stateless.
 */
final class SqlNumbers {

    private SqlNumbers() {
    }

    /** The end of the number that starts at {@code i} (a digit, or a dot before one). */
    static int end(String sql, int i, int limit) {
        int k = i;
        while (k < limit) {
            char c = sql.charAt(k);
            if (SqlScanner.isWordChar(c) || c == '.' || isExponentSign(sql, i, k, limit)) {
                k++;
            } else {
                break;
            }
        }
        return k;
    }

    private static boolean isExponentSign(String sql, int start, int k, int limit) {
        char c = sql.charAt(k);
        return (c == '+' || c == '-') && k > start && (sql.charAt(k - 1) == 'e' || sql.charAt(k - 1) == 'E')
                && k + 1 < limit && SqlScanner.isDigit(sql.charAt(k + 1));
    }
}
