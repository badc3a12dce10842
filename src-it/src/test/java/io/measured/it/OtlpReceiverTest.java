package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The receiver the telemetry ITs rely on, fed over real HTTP with exports built from the protocol's classes. */
class OtlpReceiverTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String SPAN_ID = "b7ad6b7169203331";

    private final HttpClient client = HttpClient.newHttpClient();
    private OtlpReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = OtlpReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private int post(String path, String contentType, byte[] body, boolean gzip) throws Exception {
        byte[] sent = body;
        if (gzip) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
                out.write(body);
            }
            sent = zipped.toByteArray();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(receiver.endpoint().resolve(path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(sent));
        if (gzip) {
            request.header("Content-Encoding", "gzip");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static ExportMetricsServiceRequest histogram(AggregationTemporality temporality, long start, long time,
            long count, String operation) {
        HistogramDataPoint point = HistogramDataPoint.newBuilder().setStartTimeUnixNano(start).setTimeUnixNano(time)
                .setCount(count).setSum(0.03 * count).addAllExplicitBounds(List.of(0.01, 0.05))
                .addAllBucketCounts(List.of(0L, count, 0L)).addAttributes(attribute("measured.operation.name", operation))
                .addExemplars(Exemplar.newBuilder().setAsDouble(0.03).setTimeUnixNano(time)
                        .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(TRACE_ID)))
                        .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(SPAN_ID))))
                .build();
        Metric metric = Metric.newBuilder().setName("measured.operation.duration").setUnit("s")
                .setHistogram(Histogram.newBuilder().setAggregationTemporality(temporality).addDataPoints(point)).build();
        return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
                .addScopeMetrics(ScopeMetrics.newBuilder().setScope(InstrumentationScope.newBuilder().setName("io.measured"))
                        .addMetrics(metric))).build();
    }

    @Test
    @DisplayName("cumulative exports count once per series (the newest), delta exports add up, gzipped or not")
    void countsEitherTemporality() throws Exception {
        AggregationTemporality cumulative = AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
        AggregationTemporality delta = AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
        assertThat(post("/v1/metrics", "application/x-protobuf", histogram(cumulative, 1, 10, 2, "a").toByteArray(), false))
                .isEqualTo(200);
        assertThat(post("/v1/metrics", "application/x-protobuf", histogram(cumulative, 1, 20, 5, "a").toByteArray(), true))
                .isEqualTo(200);
        post("/v1/metrics", "application/x-protobuf", histogram(delta, 10, 20, 2, "b").toByteArray(), true);
        post("/v1/metrics", "application/x-protobuf", histogram(delta, 20, 30, 3, "b").toByteArray(), false);

        ReceivedTelemetry telemetry = receiver.telemetry();
        assertThat(telemetry.count("measured.operation.duration", Map.of("measured.operation.name", "a"))).isEqualTo(5);
        assertThat(telemetry.count("measured.operation.duration", Map.of("measured.operation.name", "b"))).isEqualTo(5);
        assertThat(telemetry.count("measured.operation.duration", point -> true)).isEqualTo(10);
        HistogramPoint first = telemetry.histograms("measured.operation.duration").get(0);
        assertThat(first.unit()).isEqualTo("s");
        assertThat(first.scope()).isEqualTo("io.measured");
        assertThat(first.bucketCounts()).containsExactly(0L, 2L, 0L);
        assertThat(first.bounds()).containsExactly(0.01, 0.05);
        assertThat(first.exemplars()).singleElement().satisfies(exemplar -> {
            assertThat(exemplar.traceId()).isEqualTo(TRACE_ID);
            assertThat(exemplar.spanId()).isEqualTo(SPAN_ID);
        });
        assertThat(telemetry.metricKinds()).containsEntry("measured.operation.duration", "histogram");
    }

    @Test
    @DisplayName("spans keep their ids in lowercase hex, their kind and their scope")
    void decodesSpans() throws Exception {
        Span span = Span.newBuilder().setName("GET /notes").setKind(Span.SpanKind.SPAN_KIND_SERVER)
                .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(TRACE_ID)))
                .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(SPAN_ID)))
                .addAttributes(attribute("http.route", "/notes")).build();
        ExportTraceServiceRequest export = ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .addScopeSpans(ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder().setName("server"))
                        .addSpans(span))).build();
        assertThat(post("/v1/traces", "application/x-protobuf", export.toByteArray(), true)).isEqualTo(200);

        assertThat(receiver.telemetry().spans()).singleElement().satisfies(received -> {
            assertThat(received.traceId()).isEqualTo(TRACE_ID);
            assertThat(received.spanId()).isEqualTo(SPAN_ID);
            assertThat(received.parentSpanId()).isEmpty();
            assertThat(received.isServer()).isTrue();
            assertThat(received.scope()).isEqualTo("server");
            assertThat(received.attribute("http.route")).isEqualTo("/notes");
        });
    }

    @Test
    @DisplayName("JSON, another path, another method and a body that does not decode are refused and kept as refusals")
    void refusesWhatItDoesNotReceive() throws Exception {
        assertThat(post("/v1/metrics", "application/json", "{}".getBytes(), false)).isEqualTo(415);
        assertThat(post("/v1/logs", "application/x-protobuf", new byte[0], false)).isEqualTo(404);
        assertThat(post("/v1/traces", "application/x-protobuf", new byte[] {(byte) 0xff, 1, 2}, false)).isEqualTo(400);
        int get = client.send(HttpRequest.newBuilder(receiver.endpoint().resolve("/v1/metrics")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(get).isEqualTo(405);

        assertThat(receiver.refusals()).hasSize(4)
                .anySatisfy(refusal -> assertThat(refusal).contains("/v1/logs").contains("404"))
                .anySatisfy(refusal -> assertThat(refusal).contains("application/json").contains("415"));
        assertThat(receiver.telemetry().spans()).isEmpty();
        assertThat(receiver.telemetry().metricKinds()).isEmpty();
    }
}
