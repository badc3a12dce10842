package io.measured.internal.buffer;

/**
 * The statistics of one type's rows in the buffer, exact, in milliseconds; the public facade
 * turns them into its own value type.
 *
 * @param count rows of the type held
 * @param meanMs their mean duration
 * @param minMs the shortest
 * @param maxMs the longest
 * @param p50Ms the nearest-rank median
 * @param p95Ms the nearest-rank 95th percentile
 * @param p99Ms the nearest-rank 99th percentile
 */
public record TypeSummary(long count, double meanMs, double minMs, double maxMs, double p50Ms, double p95Ms,
        double p99Ms) {

    /** A type without rows. */
    public static final TypeSummary EMPTY = new TypeSummary(0, 0, 0, 0, 0, 0, 0);
}
