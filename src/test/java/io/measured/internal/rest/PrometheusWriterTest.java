package io.measured.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.MetricsBuffer;
import io.measured.OperationType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PrometheusWriterTest {

    private final MetricsBuffer buffer = MetricsBuffer.builder().maxSize(10)
            .histogramBuckets(List.of(0.001, 0.01)).build();

    private static final Map<OperationType, Double> RATES = Map.of(OperationType.DATABASE, 1.0, OperationType.HTTP, 0.5,
            OperationType.RENDER, 0.0, OperationType.SERVICE, 1.0);

    private String write(ExpositionFormat format) {
        return write(format, buffer);
    }

    private static String write(ExpositionFormat format, MetricsBuffer buffer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusWriter.write(format, Rendered.table(buffer), buffer.size(), buffer.getMaxSize(), RATES, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
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
    @DisplayName("sums are exact decimals of the nanoseconds counted, never exponents")
    void sumsAreExactSeconds() {
        buffer.record(OperationType.SERVICE, "long", 3_000);
        buffer.record(OperationType.SERVICE, "tiny", 0.000_001);
        buffer.record(OperationType.SERVICE, "days", 2 * 86_400_000.0 + 0.25);
        assertThat(write(ExpositionFormat.PROMETHEUS).lines()).contains(
                "measured_operation_duration_seconds_sum{type=\"service\",operation=\"long\"} 3.0",
                "measured_operation_duration_seconds_sum{type=\"service\",operation=\"tiny\"} 0.000000001",
                "measured_operation_duration_seconds_sum{type=\"service\",operation=\"days\"} 172800.00025");
    }

    @Test
    @DisplayName("operations are ordered by type then name, and names longer than the output buffer pass whole")
    void orderAndLongNames() {
        MetricsBuffer wide = MetricsBuffer.builder().metadataMaxLength(65_536).build();
        String longName = "ü\"".repeat(6_000) + "\uD83D\uDE00";
        wide.record(OperationType.SERVICE, "b", 1);
        wide.record(OperationType.DATABASE, "z", 1);
        wide.record(OperationType.SERVICE, longName, 1);
        wide.record(OperationType.SERVICE, "a", 1);
        List<String> counts = write(ExpositionFormat.PROMETHEUS, wide).lines()
                .filter(line -> line.startsWith("measured_operation_duration_seconds_count")).toList();
        String escaped = "ü\\\"".repeat(6_000) + "\uD83D\uDE00";
        assertThat(counts).containsExactly(
                "measured_operation_duration_seconds_count{type=\"database\",operation=\"z\"} 1",
                "measured_operation_duration_seconds_count{type=\"service\",operation=\"a\"} 1",
                "measured_operation_duration_seconds_count{type=\"service\",operation=\"b\"} 1",
                "measured_operation_duration_seconds_count{type=\"service\",operation=\"" + escaped + "\"} 1");
    }

    /**
     * What a scrape holds besides the table must not grow with the operations: writing the text of
     * 4,000 operations allocates no more than writing that of 500 (the fixed buffers, the bucket
     * labels), far below one byte per series line.
     */
    @Test
    @DisplayName("writing allocates nothing per operation: what a scrape holds besides its table is fixed")
    void writingAllocatesNothingPerOperation() {
        long small = writingAllocation(500);
        long large = writingAllocation(4_000);
        assertThat(large).as("bytes allocated writing 4,000 operations (76,000 series lines)").isLessThan(64 * 1024);
        assertThat(large).as("against 500 operations").isLessThan(small + 4 * 1024);
    }

    private static long writingAllocation(int operations) {
        MetricsBuffer many = MetricsBuffer.builder().maxOperations(operations).build();
        for (int i = 0; i < operations; i++) {
            many.record(OperationType.values()[i % 4], "Service.operation-" + i, i % 50);
        }
        io.measured.internal.stats.OperationTable table = Rendered.table(many);
        OutputStream sink = OutputStream.nullOutputStream();
        long least = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) { // the least of a few runs: the first ones load and link classes
            long before = ALLOCATED.getCurrentThreadAllocatedBytes();
            try {
                PrometheusWriter.write(ExpositionFormat.OPENMETRICS, table, 1, 1, RATES, sink);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            least = Math.min(least, ALLOCATED.getCurrentThreadAllocatedBytes() - before);
        }
        return least;
    }

    private static final com.sun.management.ThreadMXBean ALLOCATED =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    @Test
    void numbersAreWrittenWithoutExponents() {
        assertThat(PrometheusWriter.number(0.0005)).isEqualTo("0.0005");
        assertThat(PrometheusWriter.number(1e-9)).isEqualTo("0.000000001");
        assertThat(PrometheusWriter.number(30)).isEqualTo("30.0");
        assertThat(PrometheusWriter.number(1.5e12)).isEqualTo("1500000000000.0");
    }
}
