package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
abstract class TelemetryContract implements OperationHistogramContract, DbClientContract, TraceIdContract,
        ExemplarContract {

    private OtlpReceiver receiver;
    private ServerProcess server;
    private Http http;
    private final TelemetryWorkload workload = new TelemetryWorkload();
    private final boolean runtimeMeasuresRequests;

    /**
     * What was found of the runtime under test.
     *
     * @param runtimeMeasuresRequests whether it measures requests itself as {@code http.server.request.duration}
     */
    TelemetryContract(boolean runtimeMeasuresRequests) {
        this.runtimeMeasuresRequests = runtimeMeasuresRequests;
    }

    /** A server with telemetry switched on ({@link TelemetryServers}). */
    abstract ServerProcess newServer();

    @BeforeAll
    void startAndRunWorkload() throws Exception {
        receiver = OtlpReceiver.start();
        server = newServer();
        Map<String, String> settings = new HashMap<>(receiver.exporterSettings());
        settings.put("measured.trace.url", TRACE_URL);
        ServerProcess.Deployment deployment = server.start(settings);
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

    /** Every trace id the receiver got a span of. */
    static Set<String> traceIds(OtlpReceiver receiver) {
        return receiver.telemetry().spans().stream().map(ReceivedSpan::traceId).collect(Collectors.toSet());
    }
}
