package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The demo's SQL, run through {@code io.measured.jdbc}, exported as the semantic conventions'
 * {@code db.client.operation.duration}: H2 named as {@code h2database}, the statement summarised
 * by verb and table, never a value.
 */
interface DbClientContract extends TelemetryFixture {

    String DB_DURATION = "db.client.operation.duration";

    @Test
    @DisplayName("each statement arrives in db.client.operation.duration with system, operation, collection and summary")
    default void statementsArriveAsDbClientHistograms() {
        await().atMost(EXPORTED_WITHIN).untilAsserted(() -> {
            for (Map.Entry<String, Long> statements : TelemetryWorkload.STATEMENTS.entrySet()) {
                assertThat(receiver().telemetry().count(DB_DURATION, Map.of("db.query.summary", statements.getKey())))
                        .as("%s points of %s; %s", DB_DURATION, statements.getKey(), receiver().telemetry().summary())
                        .isEqualTo(statements.getValue());
            }
        });
        List<HistogramPoint> points = receiver().telemetry().histograms(DB_DURATION);
        assertThat(points).allSatisfy(point -> {
            assertThat(point.unit()).isEqualTo("s");
            assertThat(point.scope()).isEqualTo("io.measured");
            assertThat(point.attribute("db.system.name")).isEqualTo("h2database");
        });
        assertThat(points).filteredOn(point -> TelemetryWorkload.STATEMENTS.containsKey(point.attribute("db.query.summary")))
                .allSatisfy(point -> {
                    String[] verbAndTable = point.attribute("db.query.summary").split(" ");
                    assertThat(point.attribute("db.operation.name")).isEqualTo(verbAndTable[0]);
                    assertThat(point.attribute("db.collection.name")).isEqualTo(verbAndTable[1]);
                });
    }

    @Test
    @DisplayName("the failing statement's point carries error.type and the SQLState as db.response.status_code")
    default void failingStatementCarriesItsSqlState() throws Exception {
        JsonObject failed = newestRecord(TelemetryWorkload.FAILING_STATEMENT).getJsonObject("metadata");
        assertThat(failed.getString("outcome")).as("the newest %s: %s", TelemetryWorkload.FAILING_STATEMENT, failed)
                .isEqualTo("error");
        Map<String, String> expected = Map.of("error.type", failed.getString("exception"),
                "db.response.status_code", failed.getString("sql_state"));
        await().atMost(EXPORTED_WITHIN).untilAsserted(() -> assertThat(receiver().telemetry().count(
                DB_DURATION, point -> isFailingStatement(point) && point.attributes().entrySet().containsAll(expected.entrySet())))
                .as("%s: %s", expected, receiver().telemetry().histograms(DB_DURATION)).isOne());
        assertThat(receiver().telemetry().histograms(DB_DURATION))
                .filteredOn(point -> TelemetryWorkload.STATEMENTS.containsKey(point.attribute("db.query.summary")))
                .allSatisfy(point -> assertThat(point.attributes()).doesNotContainKeys("error.type", "db.response.status_code"));
    }

    /** JPA providers spell the table their own way ({@code DEMO_COMMENT} or {@code demo_comment}). */
    private static boolean isFailingStatement(HistogramPoint point) {
        return TelemetryWorkload.FAILING_STATEMENT.equalsIgnoreCase(point.attribute("db.query.summary"));
    }

    @Test
    @DisplayName("no exported attribute of measured's holds a value the requests carried (a title, a literal, a parameter)")
    default void noValueIsExported() {
        await().atMost(EXPORTED_WITHIN).until(() ->
                receiver().telemetry().count(DB_DURATION, Map.of("db.query.summary", "SELECT DEMO_COMMENT")) == 2);
        List<String> values = List.of(workload().titleValue, workload().literalValue, Long.toString(workload().noteValue),
                workload().tooLongValue.substring(0, 20));
        Stream.of(DB_DURATION, OPERATION_DURATION)
                .flatMap(metric -> receiver().telemetry().histograms(metric).stream())
                .flatMap(point -> point.attributes().values().stream())
                .forEach(value -> assertThat(value).doesNotContain(values.toArray(new String[0])));
    }
}
