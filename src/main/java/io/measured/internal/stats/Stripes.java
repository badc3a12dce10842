package io.measured.internal.stats;

/**
 * How many stripes striped counters may use, and which one the current thread writes. Threads map
 * to stripes by id, so threads of a pool (consecutive ids) spread evenly and two running threads
 * rarely share one; sharing costs contention, never correctness. No per-thread state.
 */
final class Stripes {

    /**
     * The most stripes one counter grows to: a power of two. Four keep the cost of an operation
     * within about 11 KB however many threads record it, and let four cores record one operation
     * without sharing a cache line.
     */
    static final int MAX = 4;

    private Stripes() {
    }

    /** A stripe index for the current thread, to be masked by the stripes in use. */
    static int current() {
        long id = Thread.currentThread().getId();
        return (int) (id ^ (id >>> 16));
    }
}
