package io.measured.internal.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The link to OpenTelemetry, against the real SDK with its in-memory metric reader. */
class TelemetryTest {

    private static final String[] TYPES = {"database", "http", "render", "service"};
    private static final List<Double> BUCKETS = List.of(0.001, 0.01, 0.1);

    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build())
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create())).build())
            .build();
    private final Tracer tracer = sdk.getTracer("test");

    @AfterEach
    void close() {
        sdk.close();
    }

    private Telemetry telemetry(boolean... bridged) {
        return Telemetry.connect(sdk, bridged, TYPES, BUCKETS, "1.2.3");
    }

    private MetricData metric(String name) {
        return reader.collectAllMetrics().stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }

    private static HistogramPointData point(MetricData metric, Attributes attributes) {
        return metric.getHistogramData().getPoints().stream().filter(p -> p.getAttributes().equals(attributes))
                .findFirst().orElseThrow(() -> new AssertionError("no point with " + attributes + " in " + metric));
    }

    @Nested
    @DisplayName("the span current on the thread")
    class CurrentSpan {

        @Test
        void insideASpanItsIdsAreFound() {
            Span span = tracer.spanBuilder("request").startSpan();
            try (Scope ignored = span.makeCurrent()) {
                Object context = Spans.current();
                assertThat(context).isNotNull();
                assertThat(Spans.traceId(context)).isEqualTo(span.getSpanContext().getTraceId()).matches("[0-9a-f]{32}");
                assertThat(Spans.spanId(context)).isEqualTo(span.getSpanContext().getSpanId()).matches("[0-9a-f]{16}");
            } finally {
                span.end();
            }
        }

        @Test
        void outsideASpanThereIsNone() {
            assertThat(Spans.current()).isNull();
        }

        @Test
        void anInvalidSpanCountsAsNone() {
            try (Scope ignored = Span.getInvalid().makeCurrent()) {
                assertThat(Spans.current()).isNull();
            }
        }
    }

    @Nested
    @DisplayName("the histograms")
    class Histograms {

        @Test
        @DisplayName("a bridged operation's calls: seconds, its attributes, the buffer's buckets, scope io.measured")
        void operationCalls() {
            OperationInstrument instrument = telemetry(false, false, false, true).instrument(3, "Booking.book", null);
            instrument.success(0.005);
            instrument.success(0.05);
            instrument.failure(0.2, "java.lang.IllegalStateException", null, null);

            MetricData metric = metric("measured.operation.duration");
            assertThat(metric.getUnit()).isEqualTo("s");
            assertThat(metric.getInstrumentationScopeInfo().getName()).isEqualTo("io.measured");
            assertThat(metric.getInstrumentationScopeInfo().getVersion()).isEqualTo("1.2.3");
            Attributes base = Attributes.builder().put("measured.operation.type", "service")
                    .put("measured.operation.name", "Booking.book").build();
            HistogramPointData successes = point(metric, base);
            assertThat(successes.getCount()).isEqualTo(2);
            assertThat(successes.getSum()).isEqualTo(0.055, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(successes.getBoundaries()).containsExactlyElementsOf(BUCKETS);
            assertThat(successes.getCounts()).containsExactly(0L, 1L, 1L, 0L);
            HistogramPointData failures = point(metric, base.toBuilder()
                    .put("error.type", "java.lang.IllegalStateException").build());
            assertThat(failures.getCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("SQL: db.client.operation.duration with the conventions' attributes and the SQLState on failure")
        void sqlCalls() {
            String[] attributes = {"db.system.name", "h2database", "db.operation.name", "SELECT",
                "db.collection.name", "notes", "db.query.summary", "SELECT notes"};
            OperationInstrument instrument = telemetry(true, false, false, false).instrument(0, "SELECT notes", attributes);
            instrument.success(0.002);
            instrument.failure(0.003, "org.h2.jdbc.JdbcSQLSyntaxErrorException", "db.response.status_code", "42S02");

            MetricData metric = metric("db.client.operation.duration");
            assertThat(metric.getUnit()).isEqualTo("s");
            Attributes base = Attributes.builder().put("db.system.name", "h2database").put("db.operation.name", "SELECT")
                    .put("db.collection.name", "notes").put("db.query.summary", "SELECT notes").build();
            assertThat(point(metric, base).getCount()).isEqualTo(1);
            HistogramPointData failed = point(metric, base.toBuilder()
                    .put("error.type", "org.h2.jdbc.JdbcSQLSyntaxErrorException")
                    .put("db.response.status_code", "42S02").build());
            assertThat(failed.getCount()).isEqualTo(1);
        }

        @Test
        void aTypeNotBridgedHasNoInstrument() {
            assertThat(telemetry(true, false, true, true).instrument(1, "GET /notes", null)).isNull();
        }

        @Test
        @DisplayName("error types beyond the bound share error.type=_OTHER")
        void errorTypesAreBounded() {
            OperationInstrument instrument = telemetry(false, false, false, true).instrument(3, "Flaky.call", null);
            for (int i = 0; i < OperationInstrument.ERROR_TYPES_MAX + 5; i++) {
                instrument.failure(0.001, "com.example.Failure" + i, null, null);
            }
            List<String> types = metric("measured.operation.duration").getHistogramData().getPoints().stream()
                    .map(p -> p.getAttributes().get(AttributeKey.stringKey("error.type"))).toList();
            assertThat(types).hasSize(OperationInstrument.ERROR_TYPES_MAX + 1).contains("_OTHER");
        }
    }
}
