package io.measured.it;

import java.util.List;
import java.util.Map;

/**
 * One explicit-bucket histogram data point as an OTLP exporter sent it, with where it came from
 * (resource and instrumentation scope) and the metric's name and unit.
 *
 * @param cumulative true for cumulative temporality (each export repeats the total since
 *        {@code startNanos}), false for delta (each export holds only its own interval)
 */
record HistogramPoint(String metric, String unit, String scope, Map<String, String> resource,
        Map<String, String> attributes, boolean cumulative, long startNanos, long timeNanos, long count,
        double sum, List<Long> bucketCounts, List<Double> bounds, List<Exemplar> exemplars) {

    /** An exemplar of a point: a measurement and the span it was made in (hex ids, empty when none). */
    record Exemplar(String traceId, String spanId, double value, long timeNanos) {
    }

    /**
     * The series a cumulative point belongs to: later points of the same series replace earlier
     * ones rather than add to them.
     */
    record Series(String metric, String scope, Map<String, String> resource, Map<String, String> attributes,
            long startNanos) {
    }

    Series series() {
        return new Series(metric, scope, resource, attributes, startNanos);
    }

    /** The attribute's value, or null when the point has no such attribute. */
    String attribute(String key) {
        return attributes.get(key);
    }
}
