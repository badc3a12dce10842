package io.measured;

/**
 * Statistics of the buffered metrics of one {@link OperationType}. All values are zero when the
 * buffer holds no metric of the type. Percentiles use the nearest-rank method over the buffered
 * durations. Immutable and thread-safe.
 *
 * @param count how many metrics of the type the buffer holds; {@code >= 0}
 * @param avgDurationMs the mean duration in milliseconds
 * @param minDurationMs the smallest duration
 * @param maxDurationMs the largest duration
 * @param p50DurationMs the median duration (nearest rank)
 * @param p95DurationMs the 95th percentile duration (nearest rank)
 * @param p99DurationMs the 99th percentile duration (nearest rank)
 */
public record TypeStats(long count, double avgDurationMs, double minDurationMs,
        double maxDurationMs, double p50DurationMs, double p95DurationMs, double p99DurationMs) {

    /** The statistics of a type with no buffered metric: every value zero. */
    public static final TypeStats EMPTY = new TypeStats(0, 0, 0, 0, 0, 0, 0);
}
