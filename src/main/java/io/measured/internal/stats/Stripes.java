package io.measured.internal.stats;

/**
 * How many stripes striped counters use, and which one the current thread writes. Threads map to
 * stripes by id, so threads of a pool (consecutive ids) spread evenly and two running threads
 * rarely share one; sharing costs contention, never correctness.
 */
public final class Stripes {

    /** A power of two: twice the processors, rounded up, at most 8. */
    public static final int COUNT = Math.min(8, Integer.highestOneBit(Math.max(1, 2 * Runtime.getRuntime().availableProcessors() - 1)) << 1);

    private static final int MASK = COUNT - 1;

    private Stripes() {
    }

    static int current() {
        return (int) Thread.currentThread().getId() & MASK;
    }
}
