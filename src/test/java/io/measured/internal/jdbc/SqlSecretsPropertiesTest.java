package io.measured.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.MetricsBuffer;
import io.measured.internal.jdbc.SecretForm.Dialect;
import io.measured.internal.jdbc.SecretForm.Kind;
import io.measured.internal.rest.EndpointTexts;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Statements of H2, PostgreSQL, MySQL/MariaDB, Oracle and SQL Server with random secrets in every
 * literal and comment form of the dialect (with quotes, escapes and comment marks of every dialect
 * around them), recorded through {@link JdbcRecorder}: no secret reaches the recorded text, the
 * operation name, or anything the metrics endpoints serve, and the name is the statement's own.
 */
class SqlSecretsPropertiesTest {

    /** A statement shape: {@code %v} takes a value, {@code %c} a comment; the names it may get. */
    enum Template {
        SELECT("SELECT a, %v AS b%c FROM t WHERE c = %v AND d IN (%v, %v)%c", "SELECT t", "SELECT"),
        INSERT("INSERT INTO t (a, b)%c VALUES (%v, %v)%c", "INSERT t"),
        UPDATE("UPDATE t SET a = %v%c WHERE b = %v OR c = %v", "UPDATE t"),
        DELETE("DELETE FROM t%c WHERE a = %v OR b LIKE %v%c", "DELETE t"),
        WITH("WITH x AS (SELECT %v AS a FROM u)%c SELECT a FROM x WHERE b = %v", "SELECT x", "WITH");

        final String shape;
        /** The name; where the text is cut before the table (see SqlSanitizer), the verb alone. */
        final Set<String> names;

        Template(String shape, String... names) {
            this.shape = shape;
            this.names = Set.of(names);
        }
    }

    record Secret(SecretForm form, String secret, String before, String after) {
        String sql() {
            return form.write(secret, before, after);
        }
    }

    record Statement(Dialect dialect, Template template, List<Secret> values, List<Secret> comments) {
        String sql() {
            StringBuilder sql = new StringBuilder();
            String[] parts = template.shape.split("(?=%[vc])");
            int value = 0;
            int comment = 0;
            for (String part : parts) {
                if (part.startsWith("%v")) {
                    sql.append(values.get(value++).sql()).append(part.substring(2));
                } else if (part.startsWith("%c")) {
                    sql.append(comments.get(comment++).sql()).append(part.substring(2));
                } else {
                    sql.append(part);
                }
            }
            return sql.toString();
        }

        Set<String> secrets() {
            return Stream.concat(values.stream(), comments.stream()).map(Secret::secret).filter(s -> !s.isEmpty())
                    .collect(Collectors.toSet());
        }

        @Override
        public String toString() {
            return dialect + ": " + sql();
        }
    }

    private final EndpointTexts endpoints = new EndpointTexts();

    @Provide
    Arbitrary<Statement> statements() {
        return Arbitraries.of(Dialect.class).flatMap(dialect -> Combinators.combine(
                Arbitraries.of(Template.class),
                secrets(dialect, Kind.VALUE).list().ofSize(4),
                secrets(dialect, Kind.COMMENT).list().ofSize(2))
                .as((template, values, comments) -> new Statement(dialect, template, values, comments)));
    }

    private static Arbitrary<Secret> secrets(Dialect dialect, Kind kind) {
        List<SecretForm> forms = Arrays.stream(SecretForm.values())
                .filter(form -> form.kind == kind && form.dialects.contains(dialect)).toList();
        return Arbitraries.of(forms).flatMap(form -> Combinators.combine(secret(form), noise(form), noise(form))
                .as((secret, before, after) -> new Secret(form, secret, before, after)));
    }

    private static Arbitrary<String> secret(SecretForm form) {
        if (form.alphabet == SecretForm.Alphabet.NONE) {
            return Arbitraries.just("");
        }
        return Arbitraries.strings().withChars(form.alphabet.chars).ofMinLength(8).ofMaxLength(14)
                .map(random -> form.alphabet.start + random);
    }

    private static Arbitrary<String> noise(SecretForm form) {
        if (!form.takesNoise()) {
            return Arbitraries.just("");
        }
        return Arbitraries.of(SecretForm.NOISE.stream().filter(form::takes).toList()).list().ofMaxSize(3)
                .map(pieces -> String.join("", pieces));
    }

    @Property(tries = 2_000)
    void noSecretReachesTheTextTheNameOrAnEndpoint(@ForAll("statements") Statement statement) {
        MetricsBuffer buffer = new MetricsBuffer(8);
        JdbcRecorder recorder = new JdbcRecorder(buffer, new SqlCache());
        Sql sql = recorder.sql(statement.sql());
        recorder.executed(sql, 0, 2_000_000, null);
        recorder.executed(sql, 0, 1_000, new SQLException("refused", "42000"));
        recorder.batch(sql, 3, 0, 1_000, null);
        String served = endpoints.everything(buffer);
        assertThat(served).as("the endpoints serve the statement").contains(sql.recorder.name(), "\"sql\"");

        for (String secret : statement.secrets()) {
            assertThat(sql.text).as("recorded text").doesNotContain(secret);
            assertThat(sql.recorder.name()).as("operation name").doesNotContain(secret);
            assertThat(served).as("what the endpoints serve").doesNotContain(secret);
        }
        assertThat(sql.text).as("no digit of any number").doesNotContainPattern("[0-9]");
        assertThat(sql.recorder.name()).isIn(statement.template().names);
    }
}
