package io.measured.internal.stats;

import java.util.List;

/**
 * The upper bounds of the Prometheus-style histogram buckets, in seconds and in nanoseconds.
 * Invariant: at least one bound, every bound finite and positive, strictly increasing.
 */
public final class BucketBounds {

    /** Sub-millisecond to tens of seconds, in seconds. */
    public static final List<Double> DEFAULT_SECONDS = List.of(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
            0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0);

    /** The most buckets allowed, so an exposition stays small. */
    public static final int MAX_BUCKETS = 64;

    private final double[] seconds;
    private final long[] nanos;

    /**
     * @throws IllegalArgumentException naming the offending bound when the invariant does not hold
     */
    public BucketBounds(List<Double> upperBoundsSeconds) {
        if (upperBoundsSeconds == null || upperBoundsSeconds.isEmpty() || upperBoundsSeconds.size() > MAX_BUCKETS) {
            throw new IllegalArgumentException("histogram buckets must hold 1 .. " + MAX_BUCKETS
                    + " bounds, was " + (upperBoundsSeconds == null ? "null" : upperBoundsSeconds.size() + " bounds"));
        }
        seconds = new double[upperBoundsSeconds.size()];
        nanos = new long[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            Double bound = upperBoundsSeconds.get(i);
            if (bound == null || !(bound > 0) || bound > 1e9) {
                throw new IllegalArgumentException("histogram bucket bound " + bound
                        + " is not valid; bounds are seconds within (0, 1e9]");
            }
            if (i > 0 && bound <= seconds[i - 1]) {
                throw new IllegalArgumentException("histogram bucket bounds must increase strictly; " + bound
                        + " follows " + seconds[i - 1]);
            }
            seconds[i] = bound;
            nanos[i] = Math.round(bound * 1e9);
        }
    }

    /** How many finite bounds there are; the buckets are one more, with +Inf last. */
    public int size() {
        return seconds.length;
    }

    /** The finite bound at an index, in seconds. */
    public double seconds(int index) {
        return seconds[index];
    }

    /** The finite bound at an index, in nanoseconds (rounded). */
    long nanos(int index) {
        return nanos[index];
    }

    /** The index of the first bucket whose bound is at least the value; {@link #size()} for +Inf. */
    int bucketOf(long valueNanos) {
        int low = 0;
        int high = nanos.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (nanos[mid] < valueNanos) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
