package io.measured.internal.stats;

/**
 * One operation's cumulative statistics at a moment, in the core's terms: its type as an ordinal
 * of the public operation types, durations in milliseconds, and its histogram as parallel arrays.
 * The public facade turns it into its own value type. The arrays are the snapshot's own and must
 * not be changed.
 *
 * @param type the type's ordinal
 * @param name the name calls are counted under
 * @param calls calls counted
 * @param errors calls counted as errors, at most {@code calls}
 * @param sumMs the durations' sum
 * @param meanMs the mean duration, 0 without calls
 * @param maxMs the longest duration
 * @param p50Ms the median, from the fine histogram
 * @param p95Ms the 95th percentile, from the fine histogram
 * @param p99Ms the 99th percentile, from the fine histogram
 * @param upperBoundsSeconds the configured buckets' upper bounds, ascending, then +Inf
 * @param cumulativeCounts per bucket, the calls at most its bound long
 */
public record OperationSnapshot(int type, String name, long calls, long errors, double sumMs, double meanMs,
        double maxMs, double p50Ms, double p95Ms, double p99Ms, double[] upperBoundsSeconds,
        long[] cumulativeCounts) {
}
