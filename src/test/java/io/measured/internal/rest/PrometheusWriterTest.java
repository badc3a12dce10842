package io.measured.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.MetricsBuffer;
import io.measured.OperationType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusWriterTest {

    private final MetricsBuffer buffer = MetricsBuffer.builder().maxSize(10)
            .histogramBuckets(List.of(0.001, 0.01)).build();

    private String write(ExpositionFormat format) {
        return PrometheusWriter.write(format, buffer.getOperationStats(), buffer.size(), buffer.getMaxSize(),
                Map.of(OperationType.DATABASE, 1.0, OperationType.HTTP, 0.5, OperationType.RENDER, 0.0,
                        OperationType.SERVICE, 1.0));
    }

    @Test
    void writesTheHistogramCounterAndGaugesInPrometheusText() {
        buffer.record(OperationType.DATABASE, "NoteRepository.findAll", 0.5);
        buffer.record(OperationType.DATABASE, "NoteRepository.findAll", 1.0);
        buffer.record(OperationType.DATABASE, "NoteRepository.findAll", 5.0, Map.of("outcome", "error"));
        buffer.record(OperationType.DATABASE, "NoteRepository.findAll", 20.0);

        String text = write(ExpositionFormat.PROMETHEUS);
        String labels = "type=\"database\",operation=\"NoteRepository.findAll\"";
        assertThat(text.lines()).containsSubsequence(
                "# TYPE measured_operation_duration_seconds histogram",
                "measured_operation_duration_seconds_bucket{" + labels + ",le=\"0.001\"} 2",
                "measured_operation_duration_seconds_bucket{" + labels + ",le=\"0.01\"} 3",
                "measured_operation_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} 4",
                "measured_operation_duration_seconds_sum{" + labels + "} 0.0265",
                "measured_operation_duration_seconds_count{" + labels + "} 4",
                "# TYPE measured_operation_errors_total counter",
                "measured_operation_errors_total{" + labels + "} 1",
                "# TYPE measured_buffer_entries gauge",
                "measured_buffer_entries 4",
                "measured_buffer_capacity 10",
                "measured_sampling_rate{type=\"database\"} 1.0",
                "measured_sampling_rate{type=\"http\"} 0.5",
                "measured_sampling_rate{type=\"render\"} 0.0");
        assertThat(text).doesNotContain("# EOF").doesNotContain("E-").endsWith("\n");
    }

    @Test
    void openMetricsNamesTheCounterFamilyWithoutTotalAndEndsWithEof() {
        buffer.record(OperationType.HTTP, "GET /notes/{id}", 2);
        String text = write(ExpositionFormat.OPENMETRICS);
        assertThat(text.lines()).contains("# TYPE measured_operation_errors counter",
                "# UNIT measured_operation_duration_seconds seconds",
                "measured_operation_errors_total{type=\"http\",operation=\"GET /notes/{id}\"} 0");
        assertThat(text).endsWith("# EOF\n");
    }

    @Test
    void escapesLabelValues() {
        buffer.record(OperationType.RENDER, "odd \"name\" \\ with\nnewline ü", 1);
        assertThat(write(ExpositionFormat.PROMETHEUS))
                .contains("operation=\"odd \\\"name\\\" \\\\ with\\nnewline ü\"");
    }

    @Test
    void numbersAreWrittenWithoutExponents() {
        assertThat(PrometheusWriter.number(0.0005)).isEqualTo("0.0005");
        assertThat(PrometheusWriter.number(1e-9)).isEqualTo("0.000000001");
        assertThat(PrometheusWriter.number(30)).isEqualTo("30.0");
        assertThat(PrometheusWriter.number(1.5e12)).isEqualTo("1500000000000.0");
    }
}
