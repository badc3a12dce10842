package io.measured.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;

/** What the telemetry contracts share: the demo, the receiver it exports to, and the calls made. */
interface TelemetryFixture {

    String OPERATION_DURATION = "measured.operation.duration";
    /** The {@code measured.trace.url} the telemetry servers run with, for the dashboard's trace links. */
    String TRACE_URL = "https://traces.example.com/trace/{trace_id}?span={span_id}";
    /** How long an export may take to show: metrics are exported every second, spans after 100 ms. */
    Duration EXPORTED_WITHIN = Duration.ofSeconds(30);

    Http http();

    OtlpReceiver receiver();

    TelemetryWorkload workload();

    /** The server's console log so far. */
    String serverLog();

    /** Every record in the demo's buffer, newest first ({@code GET /api/metrics/recent}). */
    default List<JsonObject> recentRecords() throws Exception {
        return Http.array(http().get("api/metrics/recent?limit=1000")).stream().map(JsonValue::asJsonObject).toList();
    }

    /** The newest record of an operation (its name compared ignoring case), or an AssertionError naming it. */
    default JsonObject newestRecord(String operation) throws Exception {
        return recentRecords().stream().filter(r -> r.getString("operation_name").equalsIgnoreCase(operation)).findFirst()
                .orElseThrow(() -> new AssertionError("no recent record of " + operation));
    }
}
