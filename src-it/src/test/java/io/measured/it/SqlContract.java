package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SQL run through the demo's data source, {@code MeasuredDataSource} around H2's, whether the
 * application defines it or the server does: by the server's own JPA provider and by plain JDBC,
 * each statement recorded as DATABASE under {@code <VERB> <table>} with its text, literals and
 * parameters never shown.
 */
interface SqlContract {

    Http http();

    String serverLog();

    /** A note id no other test uses, so counts of its comments are this test's alone. */
    static long freshNote() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
    }

    /** The newest recent DATABASE metric of the application named {@code operation}. */
    static JsonObject newestOf(Http http, String operation) throws Exception {
        for (JsonValue value : Http.array(http.get("api/metrics/recent?limit=200&type=database"))) {
            JsonObject metric = value.asJsonObject();
            if (metric.getString("operation_name").equalsIgnoreCase(operation)) {
                return metric;
            }
        }
        throw new AssertionError("no recent DATABASE metric named " + operation);
    }

    private long count(long note) throws Exception {
        HttpResponse<String> response = http().get("api/comments/" + note + "/count");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.object(response).getJsonNumber("count").longValue();
    }

    @Test
    @DisplayName("JPA's statements are timed one by one, named by verb and table, with their text")
    default void jpaStatementsAreTimed() throws Exception {
        long note = freshNote();
        Operations before = Operations.of(http());
        for (String body : List.of("first", "second")) {
            HttpResponse<String> added = http().postText("api/comments/" + note, body);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        }
        assertThat(Http.array(http().get("api/comments/" + note)).getValuesAs(JsonValue::toString))
                .containsExactly("\"first\"", "\"second\"");
        assertThat(Http.object(http().delete("api/comments/" + note)).getInt("removed")).isEqualTo(2);
        Operations after = Operations.of(http());

        assertThat(after.countIgnoringCase("database INSERT DEMO_COMMENT") - before.countIgnoringCase("database INSERT DEMO_COMMENT"))
                .isEqualTo(2);
        assertThat(after.countIgnoringCase("database SELECT DEMO_COMMENT") - before.countIgnoringCase("database SELECT DEMO_COMMENT"))
                .isEqualTo(1);
        assertThat(after.countIgnoringCase("database DELETE DEMO_COMMENT") - before.countIgnoringCase("database DELETE DEMO_COMMENT"))
                .isEqualTo(1);
        assertThat(after.count("service CommentStore.add") - before.count("service CommentStore.add")).isEqualTo(2);

        JsonObject insert = newestOf(http(), "INSERT DEMO_COMMENT");
        String sql = insert.getJsonObject("metadata").getString("sql");
        assertThat(sql.toUpperCase(Locale.ROOT)).startsWith("INSERT INTO DEMO_COMMENT").contains("?");
        assertThat(sql).doesNotContain("second");
        assertThat(insert.getJsonObject("metadata").getString("outcome")).isEqualTo("success");
    }

    @Test
    @DisplayName("plain JDBC on the same data source is timed, and literals in the SQL text are recorded as ?")
    default void plainJdbcIsTimed() throws Exception {
        long note = freshNote();
        Operations before = Operations.of(http());
        assertThat(count(note)).isZero();
        assertThat(Http.object(http().get("api/comments/matching?body=it%27s%20" + note)).getInt("count")).isZero();
        Operations after = Operations.of(http());

        assertThat(after.count("database SELECT DEMO_COMMENT") - before.count("database SELECT DEMO_COMMENT")).isEqualTo(2);
        assertThat(after.count("service CommentStore.count") - before.count("service CommentStore.count")).isEqualTo(1);
        JsonObject literal = newestOf(http(), "SELECT DEMO_COMMENT");
        assertThat(literal.getJsonObject("metadata").getString("sql"))
                .isEqualTo("SELECT COUNT(*) FROM DEMO_COMMENT WHERE BODY = ?");
    }

    @Test
    @DisplayName("transactions through the measured data source still commit, and roll back as a whole")
    default void transactionsCommitAndRollBack() throws Exception {
        long note = freshNote();
        Operations before = Operations.of(http());
        HttpResponse<String> kept = http().postText("api/comments/" + note + "/all", "alpha\nbeta");
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        assertThat(count(note)).as("committed").isEqualTo(2);

        HttpResponse<String> rejected = http().postText("api/comments/" + note + "/all", "gamma\n\ndelta");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(422);
        assertThat(count(note)).as("the rejected three rolled back, though written before the rejection").isEqualTo(2);
        Operations after = Operations.of(http());

        long inserts = after.countIgnoringCase("database INSERT DEMO_COMMENT") - before.countIgnoringCase("database INSERT DEMO_COMMENT");
        assertThat(inserts).as("each comment written is one INSERT, kept or rolled back").isEqualTo(5);
        assertThat(after.count("service CommentStore.addAll") - before.count("service CommentStore.addAll")).isEqualTo(2);
        assertThat(after.errors("service CommentStore.addAll") - before.errors("service CommentStore.addAll")).isEqualTo(1);
        assertThat(http().delete("api/comments/" + note).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("neither a parameter value nor a literal reaches any endpoint or the server log")
    default void noSqlValueLeaks() throws Exception {
        long note = freshNote();
        String parameter = "prm" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "x";
        String literal = "lit" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "x";
        assertThat(http().postText("api/comments/" + note, parameter).statusCode()).isEqualTo(201);
        assertThat(Http.object(http().get("api/comments/matching?body=" + literal)).getInt("count")).isZero();
        assertThat(Http.object(http().get("api/comments/matching?body=" + parameter)).getInt("count")).isOne();
        assertThat(http().delete("api/comments/" + note).statusCode()).isEqualTo(200);

        String[][] reads = {{"api/metrics", "application/json"}, {"api/metrics", "text/plain"},
            {"api/metrics", "application/openmetrics-text"}, {"api/metrics/recent?limit=1000", "application/json"},
            {"api/metrics/slow?threshold_ms=0", "application/json"}, {"api/metrics/operations", "application/json"},
            {"api/metrics/history", "application/json"}};
        for (String[] read : reads) {
            HttpResponse<String> response = http().get(read[0], read[1]);
            assertThat(response.statusCode()).as(read[0]).isEqualTo(200);
            assertThat(response.body()).as("%s as %s", read[0], read[1]).doesNotContain(parameter).doesNotContain(literal);
        }
        assertThat(serverLog()).as("the server log").doesNotContain(parameter).doesNotContain(literal);
    }
}
