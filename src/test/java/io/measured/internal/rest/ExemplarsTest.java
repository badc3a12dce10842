package io.measured.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.MetricsBuffer;
import io.measured.OperationRecorder;
import io.measured.OperationType;
import io.measured.internal.buffer.CoreAccess;
import io.measured.internal.otel.Telemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** OpenMetrics bucket lines carry an exemplar of a recent traced call in that bucket; the other formats none. */
class ExemplarsTest {

    private static final Pattern EXEMPLAR = Pattern.compile(
            "le=\"([^\"]+)\"} (\\d+) # \\{trace_id=\"([0-9a-f]{32})\",span_id=\"([0-9a-f]{16})\"} ([0-9.]+) ([0-9]+\\.[0-9]+)");

    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create())).build()).build();
    private final MetricsBuffer buffer = MetricsBuffer.builder().histogramBuckets(List.of(0.001, 0.01)).build();

    @AfterEach
    void close() {
        sdk.close();
    }

    private void link() {
        CoreAccess.of(buffer).attach(Telemetry.connect(sdk, new boolean[4], new String[] {"database", "http", "render", "service"},
                List.of(0.001, 0.01), "test"));
    }

    private String write(ExpositionFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusWriter.write(format, Rendered.table(buffer), buffer.size(), buffer.getMaxSize(),
                Map.of(OperationType.DATABASE, 1.0, OperationType.HTTP, 1.0, OperationType.RENDER, 1.0,
                        OperationType.SERVICE, 1.0), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a traced call's bucket line carries its ids, its duration within the bucket, and when it ended")
    void aTracedCallBecomesItsBucketsExemplar() throws IOException {
        link();
        OperationRecorder recorder = buffer.recorder(OperationType.SERVICE, "Booking.book");
        long before = System.currentTimeMillis();
        Span span = sdk.getTracer("test").spanBuilder("POST /bookings").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            long now = System.nanoTime();
            recorder.record(now - 5_000_000, now); // 5 ms: the (0.001, 0.01] bucket
        } finally {
            span.end();
        }
        recorder.record(0, 200_000); // untraced, 0.2 ms: its bucket has no exemplar
        String text = write(ExpositionFormat.OPENMETRICS);

        List<String> withExemplar = text.lines().filter(line -> line.contains(" # {")).toList();
        assertThat(withExemplar).hasSize(1);
        Matcher line = EXEMPLAR.matcher(withExemplar.get(0));
        assertThat(line.find()).as(withExemplar.get(0)).isTrue();
        assertThat(line.group(1)).isEqualTo("0.01");
        assertThat(line.group(3)).isEqualTo(span.getSpanContext().getTraceId());
        assertThat(line.group(4)).isEqualTo(span.getSpanContext().getSpanId());
        assertThat(Double.parseDouble(line.group(5))).isGreaterThan(0.001).isLessThanOrEqualTo(0.01);
        // The buffer's wall clock follows nanoTime from an anchor it takes each second: within a few milliseconds.
        assertThat(Double.parseDouble(line.group(6)) * 1000).isBetween(before - 5.0, System.currentTimeMillis() + 5.0);
        assertThat(text).endsWith("# EOF\n");
    }

    @Test
    void prometheusTextCarriesNone() throws IOException {
        link();
        Span span = sdk.getTracer("test").spanBuilder("job").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            buffer.record(OperationType.SERVICE, "Nightly.run", 3.0);
        } finally {
            span.end();
        }
        assertThat(write(ExpositionFormat.OPENMETRICS)).contains("# {trace_id=");
        assertThat(write(ExpositionFormat.PROMETHEUS)).doesNotContain("#  {").doesNotContain("trace_id");
    }

    @Test
    @DisplayName("a buffer not linked to OpenTelemetry writes no exemplar, even inside a span")
    void unlinkedBuffersWriteNone() throws IOException {
        Span span = sdk.getTracer("test").spanBuilder("job").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            buffer.record(OperationType.SERVICE, "Nightly.run", 3.0);
        } finally {
            span.end();
        }
        assertThat(write(ExpositionFormat.OPENMETRICS)).doesNotContain("trace_id");
        assertThat(buffer.getAll()).singleElement().satisfies(m -> assertThat(m.metadata()).doesNotContainKey("trace_id"));
    }
}
