package io.measured.internal.stats;

/**
 * How many stripes a striped counter may use, and which owned stripe the current thread tries.
 * Threads map to stripes by id, so threads of a pool (consecutive ids) spread evenly and two
 * running threads rarely try the same one; sharing costs a fall-back to the shared stripe, never
 * correctness. No per-thread state.
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

    /**
     * Row {@code n - 1}: for the low three bits of a thread's hash, the stripe among {@code n} in
     * use, so that consecutive ids take different stripes (a division would cost more than the
     * update it serves).
     */
    private static final byte[] INDEX = {
        0, 0, 0, 0, 0, 0, 0, 0,
        0, 1, 0, 1, 0, 1, 0, 1,
        0, 1, 2, 0, 1, 2, 0, 1,
    };

    private Stripes() {
    }

    /** The owned stripe the current thread tries when {@code inUse} (1 .. {@link #OWNED_MAX}) are in use. */
    static int owned(int inUse) {
        long id = Thread.currentThread().getId();
        int hash = (int) (id ^ (id >>> 16));
        return INDEX[(inUse - 1) << 3 | (hash & 7)];
    }
}
