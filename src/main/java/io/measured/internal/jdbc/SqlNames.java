package io.measured.internal.jdbc;

/**
 * Whether a double-quoted token is kept as a name or replaced by {@code ?}. {@code "..."} is a name in
 * standard SQL, PostgreSQL, H2, Oracle and SQL Server, but a string in MySQL (without
 * {@code ANSI_QUOTES}) and in SQL Server with {@code QUOTED_IDENTIFIER} off. It is kept only where no
 * string can stand in any of them, and only if its text looks like a name; everything else is
 * replaced (fail closed):
 * <ul>
 * <li>where: right after a qualifying dot ({@code n."title"}), right before one followed by a name
 * ({@code "n".title}), or right after {@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE} or
 * {@code TABLE} in the statement itself or in a parenthesised query (not in a function call such as
 * {@code TRIM(x FROM "y")}, and not in MySQL's {@code PREPARE s FROM "..."}, which take strings);</li>
 * <li>what: 1 to 128 letters, digits, {@code _}, {@code $}, {@code #}, {@code @} and inner spaces,
 * starting with a letter or {@code _}.</li>
 * </ul>
 * Stateless.
 */
final class SqlNames {

    static final int MAX_LENGTH = 128;

    private SqlNames() {
    }

    /** @param afterTableWord whether the token follows a table keyword where a table name can stand */
    static boolean keep(String sql, int open, int end, boolean afterDot, boolean afterTableWord) {
        return looksLikeName(sql, open + 1, end - 1) && (afterDot || afterTableWord || qualifies(sql, end));
    }

    private static boolean looksLikeName(String sql, int from, int to) {
        if (to - from < 1 || to - from > MAX_LENGTH) {
            return false;
        }
        char first = sql.charAt(from);
        if (!(Character.isLetter(first) || first == '_') || sql.charAt(to - 1) == ' ') {
            return false;
        }
        for (int k = from + 1; k < to; k++) {
            char c = sql.charAt(k);
            if (!(SqlScanner.isWordChar(c) || c == '#' || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** Whether a dot and a name follow {@code end}. */
    private static boolean qualifies(String sql, int end) {
        if (end + 1 >= sql.length() || sql.charAt(end) != '.') {
            return false;
        }
        char next = sql.charAt(end + 1);
        return Character.isLetter(next) || next == '_' || next == '"' || next == '`' || next == '[';
    }
}
