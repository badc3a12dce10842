package io.measured.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.Metric;
import io.measured.MetricsBuffer;
import io.measured.OperationStats;
import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.cdi.MeasuredExtension;
import io.measured.internal.cdi.MetricsBufferProducer;
import io.measured.internal.cdi.RecordingFailures;
import io.measured.internal.config.MapConfig;
import jakarta.enterprise.context.control.RequestContextController;
import io.measured.internal.otel.Spans;
import io.measured.kinds.OpenTelemetryBean;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the JAX-RS layer's own timing records when a request's context ends, from what its filters
 * saw: the request scope is Weld's, started and ended as a container does around a request.
 */
class RequestCompletionTest {

    private WeldContainer container;
    private MetricsBuffer buffer;

    @BeforeEach
    void start() {
        container = new Weld().disableDiscovery().containerId(null)
                .addExtension(new MeasuredExtension(new MapConfig(Map.of())))
                .addBeanClasses(MetricsBufferProducer.class, RecordingFailures.class, ActiveSettings.class,
                        JaxRsRequestTiming.class, RequestCompletion.class, OpenTelemetryBean.class)
                .initialize();
        buffer = container.select(MetricsBuffer.class).get();
    }

    @AfterEach
    void stop() {
        container.close();
    }

    /** One request: its context started, the filters' calls made, its context ended. */
    private void request(Consumer<RequestCompletion> filters) {
        RequestContextController context = container.select(RequestContextController.class).get();
        context.activate();
        try {
            filters.accept(container.select(RequestCompletion.class).get());
        } finally {
            context.deactivate();
        }
    }

    private void started(RequestCompletion completion, String method) {
        completion.start(container.select(JaxRsRequestTiming.class).get(), System.nanoTime(), method, null);
    }

    @Test
    @DisplayName("a request is recorded in the runtime's span seen as it started, though that span ended before the record")
    void recordedInTheSpanItStartedIn() {
        OpenTelemetry openTelemetry = container.select(OpenTelemetry.class).get();
        Span span = openTelemetry.getTracer("test").spanBuilder("GET /notes/{id}").startSpan();
        request(completion -> {
            try (Scope ignored = span.makeCurrent()) {
                completion.start(container.select(JaxRsRequestTiming.class).get(), System.nanoTime(), "GET", Spans.current());
                completion.matched("/notes/{id}");
                completion.responded(200);
            } finally {
                span.end();
            }
        });
        assertThat(buffer.getAll()).singleElement().satisfies(metric -> assertThat(metric.metadata())
                .containsEntry("trace_id", span.getSpanContext().getTraceId())
                .containsEntry("span_id", span.getSpanContext().getSpanId())
                .containsEntry("status", "200"));
    }

    @Test
    @DisplayName("a matched request is recorded once, under its template, with the response's status")
    void matchedAndAnswered() {
        request(completion -> {
            started(completion, "GET");
            completion.matched("/notes/{id}");
            completion.responded(404);
        });
        assertThat(buffer.getAll()).singleElement().satisfies(metric -> {
            assertThat(metric.operationName()).isEqualTo("GET /notes/{id}");
            assertThat(metric.metadata()).containsEntry("status", "404").containsEntry("method", "GET");
        });
    }

    @Test
    @DisplayName("a matched request that no response filter saw ended in an unmapped exception: a 500 error")
    void matchedWithoutResponseIsAServerError() {
        request(completion -> {
            started(completion, "POST");
            completion.matched("/jobs/failing");
        });
        assertThat(buffer.getAll()).extracting(Metric::metadata).containsExactly(Map.of("method", "POST", "status", "500"));
        assertThat(buffer.getOperationStats()).extracting(OperationStats::errorCount).containsExactly(1L);
    }

    @Test
    @DisplayName("a request JAX-RS answered without a resource (a 405) is named (unmatched)")
    void answeredWithoutMatch() {
        request(completion -> {
            started(completion, "OTHER");
            completion.responded(405);
        });
        assertThat(buffer.getAll()).extracting(Metric::operationName).containsExactly("OTHER (unmatched)");
    }

    @Test
    @DisplayName("nothing is recorded for a request passed on unanswered, the metrics endpoint, or one never started")
    void unrecorded() {
        request(completion -> started(completion, "GET"));
        request(completion -> {
            started(completion, "GET");
            completion.untimed();
            completion.responded(200);
        });
        request(completion -> completion.responded(200));
        assertThat(buffer.getAll()).isEmpty();
        assertThat(buffer.getOperationStats()).isEmpty();
    }
}
