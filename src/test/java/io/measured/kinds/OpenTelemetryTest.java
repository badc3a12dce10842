package io.measured.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.measured.MeasuredWeldTest;
import io.measured.Metric;
import io.measured.MetricsBuffer;
import io.measured.OperationType;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** With an OpenTelemetry CDI bean: trace ids on records made in a span, and the metrics bridge. */
@MeasuredWeldTest
@AddBeanClasses({OpenTelemetryBean.class, ExpectedFailuresBean.class})
class OpenTelemetryTest {

    @Inject
    MetricsBuffer buffer;

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    OpenTelemetryBean sdk;

    @Inject
    ExpectedFailuresBean repository;

    private List<HistogramPointData> points(String metric, String operation) {
        return sdk.collectMetrics().stream().filter(m -> m.getName().equals(metric))
                .map(MetricData::getHistogramData).flatMap(h -> h.getPoints().stream())
                .filter(p -> operation.equals(p.getAttributes().get(AttributeKey.stringKey("measured.operation.name"))))
                .toList();
    }

    @Test
    @DisplayName("a call made in a span carries the span's trace and span ids; one outside a span carries neither")
    void traceIdsOnRecords() {
        Span span = openTelemetry.getTracer("test").spanBuilder("GET /notes").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            assertThat(repository.find(null)).isEqualTo("found");
        } finally {
            span.end();
        }
        assertThat(repository.find(null)).isEqualTo("found");
        List<Metric> recorded = buffer.getAll();
        assertThat(recorded).hasSize(2);
        assertThat(recorded.get(0).metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("outcome", "success",
                "trace_id", span.getSpanContext().getTraceId(), "span_id", span.getSpanContext().getSpanId()));
        assertThat(recorded.get(1).metadata()).containsExactly(Map.entry("outcome", "success"));
    }

    @Test
    @DisplayName("a call recorded by hand in a span carries the ids too")
    void traceIdsOnManualRecords() {
        Span span = openTelemetry.getTracer("test").spanBuilder("job").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            buffer.record(OperationType.SERVICE, "nightly", 12.5, Map.of("batch", "7"));
        } finally {
            span.end();
        }
        assertThat(buffer.getAll()).singleElement().extracting(Metric::metadata).satisfies(metadata -> assertThat(metadata)
                .containsEntry("batch", "7").containsEntry("trace_id", span.getSpanContext().getTraceId()));
    }

    @Test
    @DisplayName("every call goes to measured.operation.duration; errors with error.type, expected ones as successes")
    void metricsBridge() {
        assertThat(repository.find(null)).isEqualTo("found");
        assertThatThrownBy(() -> repository.find(new NoSuchElementException("gone"))).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> repository.find(new IllegalStateException("broken"))).isInstanceOf(IllegalStateException.class);

        List<HistogramPointData> points = points("measured.operation.duration", "ExpectedFailuresBean.find");
        assertThat(points).extracting(p -> p.getAttributes().get(AttributeKey.stringKey("error.type")))
                .containsExactlyInAnyOrder(null, IllegalStateException.class.getName());
        HistogramPointData successes = points.stream()
                .filter(p -> p.getAttributes().get(AttributeKey.stringKey("error.type")) == null).findFirst().orElseThrow();
        assertThat(successes.getCount()).as("the success and the expected failure").isEqualTo(2);
        assertThat(successes.getAttributes().get(AttributeKey.stringKey("measured.operation.type"))).isEqualTo("database");
        assertThat(successes.getBoundaries()).containsExactlyElementsOf(MetricsBuffer.DEFAULT_HISTOGRAM_BUCKETS);
    }

    @Test
    @DisplayName("http is not bridged by default: MicroProfile Telemetry runtimes emit http.server.request.duration")
    void httpIsNotBridgedByDefault() {
        buffer.record(OperationType.HTTP, "GET /notes", 3.0);
        assertThat(sdk.collectMetrics()).noneMatch(m -> m.getHistogramData().getPoints().stream()
                .anyMatch(p -> "http".equals(p.getAttributes().get(AttributeKey.stringKey("measured.operation.type")))));
    }
}
