package io.measured.internal.rest;

import io.measured.HistogramBucket;
import io.measured.OperationStats;
import io.measured.OperationType;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the cumulative statistics in the Prometheus text format 0.0.4 or in OpenMetrics 1.0:
 * a latency histogram in seconds and an error counter per (type, operation), and gauges for the
 * buffer and the sampling rates. Names follow Prometheus conventions: a {@code measured_} prefix,
 * base units, {@code _total} on counter samples.
 */
final class PrometheusWriter {

    static final String DURATION = "measured_operation_duration_seconds";
    static final String ERRORS = "measured_operation_errors";
    static final String BUFFER_ENTRIES = "measured_buffer_entries";
    static final String BUFFER_CAPACITY = "measured_buffer_capacity";
    static final String SAMPLING_RATE = "measured_sampling_rate";

    private final boolean openMetrics;
    private final StringBuilder out = new StringBuilder(4096);
    /** Every operation has the same bounds: each is formatted once per exposition. */
    private final Map<Double, String> leLabels = new HashMap<>();

    private PrometheusWriter(boolean openMetrics) {
        this.openMetrics = openMetrics;
    }

    static String write(ExpositionFormat format, List<OperationStats> operations, int bufferEntries,
            int bufferCapacity, Map<OperationType, Double> samplingRates) {
        PrometheusWriter writer = new PrometheusWriter(format == ExpositionFormat.OPENMETRICS);
        writer.histograms(operations);
        writer.errors(operations);
        writer.family(BUFFER_ENTRIES, "gauge", "Metrics held now in the buffer of recent calls.");
        writer.sample(BUFFER_ENTRIES, "", Integer.toString(bufferEntries));
        writer.family(BUFFER_CAPACITY, "gauge", "The most metrics the buffer of recent calls holds.");
        writer.sample(BUFFER_CAPACITY, "", Integer.toString(bufferCapacity));
        writer.family(SAMPLING_RATE, "gauge", "Fraction of calls of a type kept in the buffer of recent calls; slow calls are always kept.");
        for (OperationType type : OperationType.values()) {
            writer.sample(SAMPLING_RATE, "{type=\"" + type.key() + "\"}", number(samplingRates.get(type)));
        }
        if (writer.openMetrics) {
            writer.out.append("# EOF\n");
        }
        return writer.out.toString();
    }

    private void histograms(List<OperationStats> operations) {
        family(DURATION, "histogram", "Duration of measured operations, every call counted whether sampled or not.");
        if (openMetrics) {
            out.append("# UNIT ").append(DURATION).append(" seconds\n");
        }
        for (OperationStats op : operations) {
            String labels = labels(op);
            for (HistogramBucket bucket : op.buckets()) {
                String le = leLabels.computeIfAbsent(bucket.upperBoundSeconds(),
                        bound -> Double.isInfinite(bound) ? "+Inf" : number(bound));
                out.append(DURATION).append("_bucket").append(labels, 0, labels.length() - 1)
                        .append(",le=\"").append(le).append("\"} ").append(bucket.cumulativeCount()).append('\n');
            }
            sample(DURATION + "_sum", labels, number(op.sumDurationMs() / 1000.0));
            sample(DURATION + "_count", labels, Long.toString(op.count()));
        }
    }

    private void errors(List<OperationStats> operations) {
        String family = openMetrics ? ERRORS : ERRORS + "_total";
        family(family, "counter", "Measured operations that failed (outcome=error, or HTTP status 500 or more).");
        for (OperationStats op : operations) {
            sample(ERRORS + "_total", labels(op), Long.toString(op.errorCount()));
        }
    }

    private void family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, String labels, String value) {
        out.append(name).append(labels).append(' ').append(value).append('\n');
    }

    private static String labels(OperationStats op) {
        return "{type=\"" + op.operationType().key() + "\",operation=\"" + escape(op.operationName()) + "\"}";
    }

    /** Label values escape backslash, double quote and line feed, in both formats. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '"' -> escaped.append("\\\"");
                case '\n' -> escaped.append("\\n");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Plain decimal notation, never exponents, always with a fraction: 0.0005, 1.0, 30.0. */
    static String number(double value) {
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
}
