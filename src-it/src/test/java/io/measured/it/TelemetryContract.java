package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo on a server whose MicroProfile Telemetry exports to an {@link OtlpReceiver}: one server
 * start, one {@link TelemetryWorkload}, then what the receiver got from the runtime and from
 * measured's bridge, and what the demo's own endpoints say about the same calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TelemetryContract implements DbClientContract, TraceIdContract, ExemplarContract {

    static final String OPERATION_DURATION = "measured.operation.duration";
    static final Duration EXPORTED_WITHIN = Duration.ofSeconds(30);

    private OtlpReceiver receiver;
    private ServerProcess server;
    private Http http;
    private final TelemetryWorkload workload = new TelemetryWorkload();
    private final boolean runtimeMeasuresRequests;
    private final boolean serverSpanCurrentInFilter;

    /**
     * What was found of the runtime under test.
     *
     * @param runtimeMeasuresRequests whether it measures requests itself as {@code http.server.request.duration}
     * @param serverSpanCurrentInFilter see {@link TraceIdContract#serverSpanCurrentInFilter()}
     */
    TelemetryContract(boolean runtimeMeasuresRequests, boolean serverSpanCurrentInFilter) {
        this.runtimeMeasuresRequests = runtimeMeasuresRequests;
        this.serverSpanCurrentInFilter = serverSpanCurrentInFilter;
    }

    /** A server with telemetry switched on ({@link TelemetryServers}). */
    abstract ServerProcess newServer();

    @Override
    public boolean serverSpanCurrentInFilter() {
        return serverSpanCurrentInFilter;
    }

    @BeforeAll
    void startAndRunWorkload() throws Exception {
        receiver = OtlpReceiver.start();
        server = newServer();
        ServerProcess.Deployment deployment = server.start(receiver.exporterSettings());
        assertThat(deployment.deployed()).as("%s deployed the demo; log:\n%s", server.name(), deployment.failure()).isTrue();
        http = new Http(deployment.baseUri());
        BeanKindsContract.awaitTickerDone(http);
        workload.run(http);
    }

    @AfterAll
    void stop() throws Exception {
        try (OtlpReceiver closing = receiver) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Override
    public Http http() {
        return http;
    }

    @Override
    public OtlpReceiver receiver() {
        return receiver;
    }

    @Override
    public TelemetryWorkload workload() {
        return workload;
    }

    @Override
    public String serverLog() {
        return server.log();
    }

    @Test
    @DisplayName("the runtime exports the server spans of the traced requests, continuing the callers' traces")
    void runtimeExportsServerSpans() {
        await().atMost(EXPORTED_WITHIN).untilAsserted(() -> assertThat(receiver.telemetry().spans())
                .as("%s; refused: %s", receiver.telemetry().summary(), receiver.refusals())
                .anySatisfy(span -> assertServerSpanOf(span, workload.pageTraceId, workload.pageParentSpanId))
                .anySatisfy(span -> assertServerSpanOf(span, workload.failingTraceId, workload.failingParentSpanId)));
        if (runtimeMeasuresRequests) {
            await().atMost(EXPORTED_WITHIN).untilAsserted(() ->
                    assertThat(receiver.telemetry().histograms("http.server.request.duration")).as(receiver.telemetry().summary())
                            .anySatisfy(point -> assertThat(point.unit()).isEqualTo("s")));
        }
        assertThat(receiver.refusals()).isEmpty();
    }

    private static void assertServerSpanOf(ReceivedSpan span, String traceId, String parentSpanId) {
        assertThat(span.isServer()).as("server span").isTrue();
        assertThat(span.traceId()).isEqualTo(traceId);
        assertThat(span.parentSpanId()).isEqualTo(parentSpanId);
    }

    @Test
    @DisplayName("every measured call arrives once in measured.operation.duration, in seconds, scope io.measured")
    void operationsArriveAsHistograms() throws Exception {
        await().atMost(EXPORTED_WITHIN).untilAsserted(() -> {
            for (Map.Entry<String, Long> calls : TelemetryWorkload.CALLS.entrySet()) {
                assertThat(receiver.telemetry().count(OPERATION_DURATION, Map.of(
                        "measured.operation.name", calls.getKey(),
                        "measured.operation.type", TelemetryWorkload.TYPES.get(calls.getKey()))))
                        .as("%s points of %s; %s", OPERATION_DURATION, calls.getKey(), receiver.telemetry().summary())
                        .isEqualTo(calls.getValue());
            }
        });
        List<HistogramPoint> points = receiver.telemetry().histograms(OPERATION_DURATION);
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
    void failuresCarryErrorType() throws Exception {
        for (String operation : TelemetryWorkload.FAILING_OPERATIONS) {
            String exception = newestRecord(operation).getJsonObject("metadata").getString("exception");
            if (operation.equals(TelemetryWorkload.FAILING_OPERATION)) {
                assertThat(exception).isEqualTo(TelemetryWorkload.FAILING_EXCEPTION);
            }
            await().atMost(EXPORTED_WITHIN).untilAsserted(() -> assertThat(receiver.telemetry().count(OPERATION_DURATION,
                    Map.of("measured.operation.name", operation, "error.type", exception)))
                    .as("%s failed with %s; %s", operation, exception, receiver.telemetry().summary()).isOne());
        }
        assertThat(receiver.telemetry().histograms(OPERATION_DURATION))
                .filteredOn(point -> point.attributes().containsKey("error.type"))
                .allSatisfy(point -> assertThat(point.attribute("measured.operation.name"))
                        .isIn(TelemetryWorkload.FAILING_OPERATIONS));
    }

    static HistogramPoint newest(List<HistogramPoint> points, String operation) {
        return points.stream().filter(p -> operation.equals(p.attribute("measured.operation.name")))
                .max(java.util.Comparator.comparingLong(HistogramPoint::timeNanos))
                .orElseThrow(() -> new AssertionError("no point of " + operation));
    }

    /** The {@code le} bounds of an operation's buckets in the OpenMetrics exposition, +Inf left out. */
    private List<Double> bucketBoundsOf(String operation) throws Exception {
        String exposition = http.get("api/metrics", "application/openmetrics-text").body();
        Matcher bucket = Pattern.compile("measured_operation_duration_seconds_bucket\\{[^}]*operation=\""
                + Pattern.quote(operation) + "\"[^}]*le=\"([^\"]+)\"").matcher(exposition);
        List<Double> bounds = new java.util.ArrayList<>();
        while (bucket.find()) {
            if (!bucket.group(1).equals("+Inf")) {
                bounds.add(Double.parseDouble(bucket.group(1)));
            }
        }
        assertThat(bounds).as("bucket bounds of %s in:\n%s", operation, exposition).isNotEmpty();
        return bounds;
    }

    /** Every trace id the receiver got a span of. */
    static Set<String> traceIds(OtlpReceiver receiver) {
        return receiver.telemetry().spans().stream().map(ReceivedSpan::traceId).collect(Collectors.toSet());
    }
}
