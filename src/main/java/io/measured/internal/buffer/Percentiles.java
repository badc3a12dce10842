package io.measured.internal.buffer;

/** Nearest-rank percentiles over sorted values. */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * Returns the nearest-rank percentile: the smallest value such that at least
     * {@code percent}% of the values are at or below it.
     *
     * @param sorted ascending values, at least one
     * @param percent in (0, 100]
     */
    static double nearestRank(double[] sorted, int length, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
