package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Open Liberty with {@code mpTelemetry-2.0} but the demo's class loader left as Liberty makes it,
 * without {@code +third-party}: the runtime traces and measures, the application cannot see the
 * OpenTelemetry API. measured says so once in the log and works exactly as without telemetry.
 */
@DisplayName("Open Liberty 26 with MicroProfile Telemetry 2.0, the OpenTelemetry API hidden from the application")
class OpenLibertyHiddenTelemetryIT {

    @Test
    @DisplayName("the demo works unchanged, its records carry no trace ids, nothing is bridged, and the log says why once")
    void hiddenApiIsReportedOnceAndChangesNothing() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start(); ServerProcess server = TelemetryServers.openLiberty(false)) {
            ServerProcess.Deployment deployment = server.start(receiver.exporterSettings());
            assertThat(deployment.deployed()).as("%s deployed the demo; log:\n%s", server.name(), deployment.failure()).isTrue();
            Http http = new Http(deployment.baseUri());
            TelemetryWorkload workload = new TelemetryWorkload();
            Operations before = Operations.of(http);
            workload.run(http);
            Operations after = Operations.of(http);
            TelemetryWorkload.CALLS.forEach((operation, calls) -> assertThat(after.count(
                    TelemetryWorkload.TYPES.get(operation) + " " + operation) - before.count(
                    TelemetryWorkload.TYPES.get(operation) + " " + operation)).as(operation).isEqualTo(calls));

            assertThat(Http.array(http.get("api/metrics/recent?limit=1000"))).isNotEmpty().allSatisfy(record ->
                    assertThat(record.asJsonObject().getJsonObject("metadata")).doesNotContainKeys("trace_id", "span_id"));
            assertThat(http.get("api/metrics", "application/openmetrics-text").body()).doesNotContain("trace_id");

            // the runtime's telemetry is on: it exports the request the caller traced, and its own metrics
            await().atMost(TelemetryContract.EXPORTED_WITHIN).untilAsserted(() -> {
                assertThat(receiver.telemetry().spans()).as(receiver.telemetry().summary())
                        .anySatisfy(span -> assertThat(span.traceId()).isEqualTo(workload.pageTraceId));
                assertThat(receiver.telemetry().metricKinds()).containsKey("http.server.request.duration");
            });
            assertThat(receiver.telemetry().metricKinds()).doesNotContainKeys(
                    TelemetryContract.OPERATION_DURATION, DbClientContract.DB_DURATION);

            assertThat(server.log().lines().filter(line -> line.contains("OpenTelemetry")
                    && line.contains("measured")).toList()).as("measured's lines about OpenTelemetry in:\n%s", server.log())
                    .singleElement().satisfies(line -> assertThat(line).contains("third-party"));
        }
    }
}
