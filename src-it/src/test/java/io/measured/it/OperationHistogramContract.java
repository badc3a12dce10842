package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * measured's own calls (every type but HTTP by default) in {@code measured.operation.duration}:
 * one measurement per call, named and typed as the demo's endpoints name and type them, in seconds,
 * in the buckets the OpenMetrics exposition has, {@code error.type} on failures only.
 */
interface OperationHistogramContract extends TelemetryFixture {

    @Test
    @DisplayName("every measured call arrives once in measured.operation.duration, in seconds, scope io.measured")
    default void operationsArriveAsHistograms() throws Exception {
        await().atMost(EXPORTED_WITHIN).untilAsserted(() -> {
            for (Map.Entry<String, Long> calls : TelemetryWorkload.CALLS.entrySet()) {
                assertThat(receiver().telemetry().count(OPERATION_DURATION, Map.of(
                        "measured.operation.name", calls.getKey(),
                        "measured.operation.type", TelemetryWorkload.TYPES.get(calls.getKey()))))
                        .as("%s points of %s; %s", OPERATION_DURATION, calls.getKey(), receiver().telemetry().summary())
                        .isEqualTo(calls.getValue());
            }
        });
        List<HistogramPoint> points = receiver().telemetry().histograms(OPERATION_DURATION);
        assertThat(points).allSatisfy(point -> {
            assertThat(point.unit()).isEqualTo("s");
            assertThat(point.scope()).isEqualTo("io.measured");
            assertThat(point.attribute("measured.operation.type")).as("types bridged by default")
                    .isIn("database", "render", "service");
        });
        HistogramPoint pause = newest(points, "Worker.pause");
        assertThat(pause.sum()).as("3 pauses of 30 ms, in seconds")
                .isBetween(3 * TelemetryWorkload.PAUSE_MS / 1000.0, 3 * 2.0);
        assertThat(pause.bounds()).as("the buckets of /api/metrics, in seconds").isEqualTo(bucketBoundsOf("Worker.pause"));
        assertThat(pause.attributes()).doesNotContainKey("error.type");
    }

    @Test
    @DisplayName("the failing calls' points carry error.type, the exception's class, and only theirs do")
    default void failuresCarryErrorType() throws Exception {
        for (String operation : TelemetryWorkload.FAILING_OPERATIONS) {
            String exception = newestRecord(operation).getJsonObject("metadata").getString("exception");
            if (operation.equals(TelemetryWorkload.FAILING_OPERATION)) {
                assertThat(exception).isEqualTo(TelemetryWorkload.FAILING_EXCEPTION);
            }
            await().atMost(EXPORTED_WITHIN).untilAsserted(() -> assertThat(receiver().telemetry().count(OPERATION_DURATION,
                    Map.of("measured.operation.name", operation, "error.type", exception)))
                    .as("%s failed with %s; %s", operation, exception, receiver().telemetry().summary()).isOne());
        }
        assertThat(receiver().telemetry().histograms(OPERATION_DURATION).stream()
                .filter(point -> point.attributes().containsKey("error.type"))
                .map(point -> point.attribute("measured.operation.name")).distinct())
                .as("operations with error.type").containsExactlyInAnyOrderElementsOf(TelemetryWorkload.FAILING_OPERATIONS);
    }

    private static HistogramPoint newest(List<HistogramPoint> points, String operation) {
        return points.stream().filter(p -> operation.equals(p.attribute("measured.operation.name")))
                .max(Comparator.comparingLong(HistogramPoint::timeNanos))
                .orElseThrow(() -> new AssertionError("no point of " + operation));
    }

    /** The {@code le} bounds of an operation's buckets in the OpenMetrics exposition, +Inf left out. */
    private List<Double> bucketBoundsOf(String operation) throws Exception {
        String exposition = http().get("api/metrics", "application/openmetrics-text").body();
        Matcher bucket = Pattern.compile("measured_operation_duration_seconds_bucket\\{[^}]*operation=\""
                + Pattern.quote(operation) + "\"[^}]*le=\"([^\"]+)\"").matcher(exposition);
        List<Double> bounds = new ArrayList<>();
        while (bucket.find()) {
            if (!bucket.group(1).equals("+Inf")) {
                bounds.add(Double.parseDouble(bucket.group(1)));
            }
        }
        assertThat(bounds).as("bucket bounds of %s in:\n%s", operation, exposition).isNotEmpty();
        return bounds;
    }
}
