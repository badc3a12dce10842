package io.measured;

import java.util.List;

/**
 * Cumulative statistics of one operation since the buffer was created: every call passed to
 * {@link MetricsBuffer#record}, whether or not sampling let it into the buffer. Percentiles come
 * from a log-linear histogram whose buckets are at most 12.5% wide, so a percentile is the upper
 * bound of its bucket, capped at the largest duration seen. Immutable and thread-safe.
 *
 * @param operationType the type; never null
 * @param operationName the name; {@value MetricsBuffer#OVERFLOW_OPERATION} collects the calls of
 *        operations beyond the distinct-operation cap; never null
 * @param count how many calls were recorded; {@code >= 1}
 * @param errorCount how many of them failed ({@code outcome=error}, or an HTTP status of 500 or
 *        more); {@code 0 .. count}
 * @param sumDurationMs the total duration in milliseconds
 * @param avgDurationMs the mean duration in milliseconds
 * @param maxDurationMs the largest duration in milliseconds
 * @param p50DurationMs the median duration (histogram estimate)
 * @param p95DurationMs the 95th percentile duration (histogram estimate)
 * @param p99DurationMs the 99th percentile duration (histogram estimate)
 * @param buckets the cumulative counts at each configured histogram bound, ascending, the last
 *        bound being positive infinity with a count equal to {@code count}; unmodifiable
 */
public record OperationStats(OperationType operationType, String operationName, long count,
        long errorCount, double sumDurationMs, double avgDurationMs, double maxDurationMs,
        double p50DurationMs, double p95DurationMs, double p99DurationMs, List<HistogramBucket> buckets) {

    /**
     * Copies the buckets so the snapshot stays unmodifiable.
     *
     * @param operationType the type
     * @param operationName the name
     * @param count how many calls were recorded
     * @param errorCount how many of them failed
     * @param sumDurationMs the total duration in milliseconds
     * @param avgDurationMs the mean duration in milliseconds
     * @param maxDurationMs the largest duration in milliseconds
     * @param p50DurationMs the median duration
     * @param p95DurationMs the 95th percentile duration
     * @param p99DurationMs the 99th percentile duration
     * @param buckets the cumulative counts per bound; not null
     * @throws NullPointerException if {@code buckets} or one of them is null
     */
    public OperationStats {
        buckets = List.copyOf(buckets);
    }
}
