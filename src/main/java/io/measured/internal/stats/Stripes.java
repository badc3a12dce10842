package io.measured.internal.stats;

/**
 * How many stripes a striped counter may use, and which owned stripe the current thread tries: a
 * hash of the thread's id by the counter's salt, an odd multiplier (Fibonacci hashing, so threads
 * of a pool, with consecutive ids, spread evenly). A counter changes its salt when two threads
 * collide, so threads that keep meeting on one stripe are soon dealt different ones; sharing costs
 * a fall-back to the shared stripe, never correctness. No per-thread state.
 */
final class Stripes {

    /**
     * The most stripes a writer may own for the length of one update: 1, 2 or 3 are in use. With
     * the one shared stripe, a counter has at most four: about 11 KB however many threads record
     * it, and three cores record one operation without sharing a cache line.
     */
    static final int OWNED_MAX = 3;
    /** Owned stripes plus the shared one. */
    static final int MAX = OWNED_MAX + 1;
    /** The first salt: 2^32 divided by the golden ratio, odd. */
    static final int FIRST_SALT = 0x9E3779B9;

    private Stripes() {
    }

    /**
     * The owned stripe the current thread tries when {@code inUse} (1 .. {@link #OWNED_MAX}) are
     * in use, under an odd {@code salt}.
     */
    static int owned(int inUse, int salt) {
        return owned(Thread.currentThread().getId(), inUse, salt);
    }

    /** {@link #owned(int, int)} for the thread of id {@code threadId}. */
    static int owned(long threadId, int inUse, int salt) {
        int hash = (int) threadId * salt;
        // The hash's top 16 bits scaled to [0, inUse): no division, no table.
        return ((hash >>> 16) * inUse) >>> 16;
    }

    /** Another odd salt, which deals the threads' ids to stripes anew. */
    static int nextSalt(int salt) {
        int mixed = (salt ^ (salt >>> 16)) * 0x85EBCA6B;
        return (mixed ^ (mixed >>> 13)) | 1;
    }
}
