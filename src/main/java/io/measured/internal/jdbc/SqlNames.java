package io.measured.internal.jdbc;

/**
 * Whether a quoted name is kept or replaced by {@code ?}. Kept names hold only words (letters,
 * digits, {@code _}, {@code $}, {@code @}, {@code #}, starting with a letter or {@code _}) separated
 * by single spaces, at most {@value #MAX_LENGTH} chars: where a dialect reads the inside as code, it
 * finds no literal there. Everything else is replaced (fail closed).
 * <ul>
 * <li>{@code `...`}: a name in MySQL and H2, code elsewhere: kept when it looks like a name.</li>
 * <li>{@code "..."}: a name in standard SQL, PostgreSQL, H2, Oracle and SQL Server, but a string in
 * MySQL (without {@code ANSI_QUOTES}) and in SQL Server with {@code QUOTED_IDENTIFIER} off: kept
 * only where no string can stand in any of them, that is right after a qualifying dot
 * ({@code n."title"}), right before one followed by a name ({@code "n".title}), or right after
 * {@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE} or {@code TABLE} in the statement itself
 * or in a parenthesised query (not in a function call such as {@code TRIM(x FROM "y")}) of a
 * statement that names tables there ({@code SELECT}, {@code INSERT}, {@code UPDATE}, {@code DELETE},
 * {@code MERGE}, {@code CREATE} ...; not MySQL's {@code PREPARE s FROM "..."} or
 * {@code REVOKE ... FROM "user"@"host"}, which take strings); and when it looks like a name.</li>
 * </ul>
 * Stateless.
 */
final class SqlNames {

    static final int MAX_LENGTH = 128;

    private SqlNames() {
    }

    /** @param afterTableWord whether the token follows a table keyword where a table name can stand */
    static boolean keepDoubleQuoted(String sql, int open, int end, boolean afterDot, boolean afterTableWord) {
        return looksLikeName(sql, open + 1, end - 1) && (afterDot || afterTableWord || qualifies(sql, end));
    }

    static boolean keepBackticked(String sql, int open, int end) {
        return looksLikeName(sql, open + 1, end - 1);
    }

    private static boolean looksLikeName(String sql, int from, int to) {
        if (to - from < 1 || to - from > MAX_LENGTH || sql.charAt(to - 1) == ' ') {
            return false;
        }
        for (int k = from; k < to; k++) {
            char c = sql.charAt(k);
            boolean startsWord = k == from || sql.charAt(k - 1) == ' ';
            if (startsWord ? !(Character.isLetter(c) || c == '_') : !(SqlScanner.isWordChar(c) || c == '#' || c == ' ')) {
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
