package io.measured.internal.jdbc;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A way a SQL dialect writes a value or a comment, here with a secret inside and, for strings and
 * comments, noise around it (quotes, escapes, comment marks of every dialect) escaped as that
 * dialect requires, so that each statement is one the dialect reads as intended. For
 * {@link SqlSecretsPropertiesTest}.
 */
enum SecretForm {

    STRING(Kind.VALUE, Alphabet.WORD, Dialect.ALL, "'", "'", Escape.STANDARD),
    BACKSLASH_STRING(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.MYSQL), "'", "'", Escape.BACKSLASH),
    E_STRING(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.POSTGRESQL), "E'", "'", Escape.BACKSLASH),
    NATIONAL_STRING(Kind.VALUE, Alphabet.WORD, Dialect.ALL, "N'", "'", Escape.STANDARD),
    CHARSET_STRING(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.MYSQL), "_utf8mb4'", "'", Escape.BACKSLASH),
    UNICODE_STRING(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.POSTGRESQL, Dialect.H2), "U&'", "'", Escape.UNICODE),
    DOUBLE_QUOTED_STRING(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.MYSQL), "\"", "\"", Escape.DOUBLE_QUOTE_BACKSLASH),
    DOUBLED_QUOTES_STRING(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.MYSQL, Dialect.SQL_SERVER), "\"", "\"",
            Escape.DOUBLE_QUOTE_DOUBLED),
    DOLLAR_QUOTED(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.POSTGRESQL, Dialect.H2), "$$", "$$", Escape.NONE, "$"),
    TAGGED_DOLLAR_QUOTED(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.POSTGRESQL), "$_q1$", "$_q1$", Escape.NONE, "$"),
    Q_SQUARE(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.ORACLE), "q'[", "]'", Escape.NONE, "]"),
    Q_CURLY(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.ORACLE), "Q'{", "}'", Escape.NONE, "}"),
    Q_ROUND(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.ORACLE), "q'(", ")'", Escape.NONE, ")"),
    Q_ANGLE(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.ORACLE), "q'<", ">'", Escape.NONE, ">"),
    Q_BANG(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.ORACLE), "q'!", "!'", Escape.NONE, "!"),
    NQ_SQUARE(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.ORACLE), "nq'[", "]'", Escape.NONE, "]"),
    HEX_STRING(Kind.VALUE, Alphabet.HEX, EnumSet.of(Dialect.H2, Dialect.POSTGRESQL, Dialect.MYSQL), "X'", "'", null),
    BIT_STRING(Kind.VALUE, Alphabet.BITS, EnumSet.of(Dialect.POSTGRESQL, Dialect.MYSQL), "B'", "'", null),
    ARRAY(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.POSTGRESQL, Dialect.H2), "ARRAY['", "', 'x']", Escape.STANDARD),
    SUBSCRIPT(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.POSTGRESQL), "doc['", "']", Escape.STANDARD),
    DECIMAL(Kind.VALUE, Alphabet.DIGITS, Dialect.ALL, "", "", null),
    NEGATIVE(Kind.VALUE, Alphabet.DIGITS, Dialect.ALL, "-", "", null),
    FRACTION(Kind.VALUE, Alphabet.DIGITS, Dialect.ALL, "0.", "", null),
    EXPONENT(Kind.VALUE, Alphabet.DIGITS, Dialect.ALL, "1.", "E-7", null),
    HEX_NUMBER(Kind.VALUE, Alphabet.HEX, EnumSet.of(Dialect.MYSQL, Dialect.SQL_SERVER, Dialect.H2, Dialect.POSTGRESQL), "0x", "", null),
    BINARY_NUMBER(Kind.VALUE, Alphabet.BITS, EnumSet.of(Dialect.MYSQL, Dialect.POSTGRESQL), "0b", "", null),
    OCTAL_NUMBER(Kind.VALUE, Alphabet.OCTAL, EnumSet.of(Dialect.POSTGRESQL), "0o", "", null),
    UNDERSCORED_NUMBER(Kind.VALUE, Alphabet.UNDERSCORED, EnumSet.of(Dialect.POSTGRESQL), "", "", null),
    MONEY(Kind.VALUE, Alphabet.DIGITS, EnumSet.of(Dialect.SQL_SERVER), "$", "", null),
    /*
     * Strings after text that another dialect reads as a comment, a string or a name running past
     * where this dialect ends it: only the fail-closed rules of SqlScanner keep these secrets out.
     */
    AFTER_HASH_OPERATOR(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.POSTGRESQL), "1 # 'x\n", "'", Escape.STANDARD),
    AFTER_SLASHES(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.POSTGRESQL), "4 //**/ 'x\n", "'", Escape.STANDARD),
    AFTER_CARRIAGE_RETURN(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.POSTGRESQL), "1 -- c\r'x\n", "'", Escape.STANDARD),
    AFTER_TIGHT_DASHES(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.MYSQL), "5 --'x\n", "'", Escape.BACKSLASH),
    AFTER_DOLLAR_NAME(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.MYSQL), "$$ + 'x$$ ", "'", Escape.BACKSLASH),
    AFTER_BACKTICK_NAME(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.MYSQL), "`it's` + '", "'", Escape.BACKSLASH),
    AFTER_Q_LOOKALIKE(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.POSTGRESQL, Dialect.H2, Dialect.SQL_SERVER), "q'[x' ]'", "'",
            Escape.STANDARD),
    AFTER_BACKTICK_LOOKALIKE(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.POSTGRESQL, Dialect.ORACLE), "`a'` ", " '",
            Escape.STANDARD),
    AFTER_BRACKETED_NAME(Kind.VALUE, Alphabet.WORD, EnumSet.of(Dialect.SQL_SERVER), "[it's] + '", "'", Escape.STANDARD),

    NO_COMMENT(Kind.COMMENT, Alphabet.NONE, Dialect.ALL, "", "", null),
    DASH_COMMENT(Kind.COMMENT, Alphabet.WORD, Dialect.ALL, "-- ", "\n", Escape.NONE, "\n"),
    TIGHT_DASH_COMMENT(Kind.COMMENT, Alphabet.WORD, EnumSet.complementOf(EnumSet.of(Dialect.MYSQL)), "--x", "\n", Escape.NONE, "\n"),
    BLOCK_COMMENT(Kind.COMMENT, Alphabet.WORD, Dialect.ALL, "/*", "*/", Escape.NONE, "/*", "*/"),
    /** The secret is in the outer comment, after the inner one ends. */
    NESTED_COMMENT(Kind.COMMENT, Alphabet.WORD, EnumSet.of(Dialect.POSTGRESQL, Dialect.SQL_SERVER), "/* a /* b */ ", " */",
            Escape.NONE, "/*", "*/"),
    HASH_COMMENT(Kind.COMMENT, Alphabet.WORD, EnumSet.of(Dialect.MYSQL), "#", "\n", Escape.NONE, "\n"),
    /** MySQL runs what is inside as code: here a string, which holds what others read as the comment's end. */
    EXECUTABLE_COMMENT(Kind.COMMENT, Alphabet.WORD, EnumSet.of(Dialect.MYSQL), "/*!50000 , 'x */ ", "' */", Escape.BACKSLASH,
            "/*", "*/"),
    SLASH_COMMENT(Kind.COMMENT, Alphabet.WORD, EnumSet.of(Dialect.H2), "//", "\n", Escape.NONE, "\n");

    enum Kind { VALUE, COMMENT }

    enum Dialect {
        H2, POSTGRESQL, MYSQL, ORACLE, SQL_SERVER;

        static final Set<Dialect> ALL = EnumSet.allOf(Dialect.class);
    }

    /** What a secret is made of: a distinctive start, then random characters of the set. */
    enum Alphabet {
        WORD("zq", "abcdefghijklmnopqrstuvwxyz0123456789"),
        DIGITS("9", "0123456789"),
        UNDERSCORED("4111_", "0123456789"),
        HEX("f", "0123456789abcdef"),
        BITS("1", "01"),
        OCTAL("7", "01234567"),
        NONE("", "");

        final String start;
        final String chars;

        Alphabet(String start, String chars) {
            this.start = start;
            this.chars = chars;
        }
    }

    /** How a string form escapes its text. */
    enum Escape {
        NONE(c -> c),
        STANDARD(c -> c.replace("'", "''")),
        BACKSLASH(c -> c.replace("\\", "\\\\").replace("'", "\\'")),
        UNICODE(c -> c.replace("\\", "\\\\").replace("'", "''")),
        DOUBLE_QUOTE_BACKSLASH(c -> c.replace("\\", "\\\\").replace("\"", "\\\"")),
        DOUBLE_QUOTE_DOUBLED(c -> c.replace("\"", "\"\""));

        final UnaryOperator<String> escape;

        Escape(UnaryOperator<String> escape) {
            this.escape = escape;
        }
    }

    /** Quotes, escapes and comment marks of every dialect, and code-like text. */
    static final List<String> NOISE = List.of("'", "\"", "\\", "\\'", "''", "--", "/*", "*/", "#", "$", "$$", "`", "[",
            "]", "\n", " ", "?", ";", "%", "_", "!", ") OR (", ", x, ", "' FROM t --");

    final Kind kind;
    final Alphabet alphabet;
    final Set<Dialect> dialects;
    private final String prefix;
    private final String suffix;
    /** Null for forms without noise. */
    private final Escape escape;
    private final List<String> refused;

    SecretForm(Kind kind, Alphabet alphabet, Set<Dialect> dialects, String prefix, String suffix, Escape escape,
            String... refused) {
        this.kind = kind;
        this.alphabet = alphabet;
        this.dialects = dialects;
        this.prefix = prefix;
        this.suffix = suffix;
        this.escape = escape;
        this.refused = List.of(refused);
    }

    boolean takesNoise() {
        return escape != null;
    }

    /** Whether a piece of noise can stand in this form's text unescaped (no closing delimiter in it). */
    boolean takes(String noise) {
        return refused.stream().noneMatch(noise::contains);
    }

    /** The form as SQL, holding {@code before + secret + after}. */
    String write(String secret, String before, String after) {
        String text = before + secret + after;
        return prefix + (escape == null ? text : escape.escape.apply(text)) + suffix;
    }
}
