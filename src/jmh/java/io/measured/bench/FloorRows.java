package io.measured.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The recording work of the two floors that keep calls in one order, shared by their interceptors
 * ({@link OrderedFloorInterceptor}, {@link ClaimedFloorInterceptor}) and by
 * {@code BufferWriteBenchmark}, which measures it without an interceptor around it. Neither keeps
 * an operation, converts a timestamp or decides on sampling: they are lower bounds, not recorders.
 * Thread-safe; a sequence number and a ring of 1,024 rows shared by all callers.
 */
public final class FloorRows {

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final long BUSY = 1L << 62;
    private static final int SLOTS = 1024;
    private static final int STRIDE = 4;
    /** The sequence alone in the middle of 16 longs, off every other field's cache line. */
    private static final long[] SEQUENCE = new long[16];
    private static final long[] ROWS = new long[SLOTS * STRIDE];

    private FloorRows() {
    }

    /**
     * The ordered floor's row: one atomic instruction takes its sequence number, then the row's
     * stores and its stamp with release. A writer lapped while it writes may spoil a newer row.
     */
    public static void ordered(long endNanos, long nanos) {
        long sequence = (long) LONGS.getAndAdd(SEQUENCE, 8, 1L);
        int base = (int) (sequence & (SLOTS - 1)) * STRIDE;
        ROWS[base + 1] = endNanos;
        ROWS[base + 2] = nanos;
        LONGS.setRelease(ROWS, base, sequence + 1);
    }

    /**
     * The claimed floor's row: the ordered floor's, with the slot claimed by one compare-and-set of
     * its stamp before the stores, so a lapped writer spoils nothing. A writer that finds the slot
     * claimed or newer drops its row (the library boxes it instead, which one thread never reaches).
     */
    public static void claimed(long endNanos, long nanos) {
        long sequence = (long) LONGS.getAndAdd(SEQUENCE, 8, 1L);
        int base = (int) (sequence & (SLOTS - 1)) * STRIDE;
        long stamp = (long) LONGS.getVolatile(ROWS, base);
        if ((stamp & BUSY) == 0 && stamp <= sequence && LONGS.compareAndSet(ROWS, base, stamp, (sequence + 1) | BUSY)) {
            ROWS[base + 1] = endNanos;
            ROWS[base + 2] = nanos;
            LONGS.setRelease(ROWS, base, sequence + 1);
        }
    }
}
