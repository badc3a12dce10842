package io.measured.bench;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The ordered floor ({@link OrderedFloorInterceptor}) plus what the buffer's exactness needs: the
 * writer claims its slot with one compare-and-set of the slot's stamp before its stores, so a
 * writer lapped while it writes cannot spoil the newer row of its slot, and the buffer holds
 * exactly the last rows once writers stop. A writer that loses the claim drops its row here (the
 * library boxes it instead, which a single-threaded benchmark never reaches). It keeps no
 * operation, no timestamp conversion and no sampling decision, so it is a lower bound for any
 * recorder keeping the buffer's whole contract, not a usable one.
 */
@ClaimedFloorTimed
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class ClaimedFloorInterceptor {

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final long BUSY = 1L << 62;
    private static final int SLOTS = 1024;
    private static final int STRIDE = 4;
    /** The sequence alone in the middle of 16 longs, off every other field's cache line. */
    private static final long[] SEQUENCE = new long[16];
    private static final long[] ROWS = new long[SLOTS * STRIDE];

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        long start = System.nanoTime();
        try {
            return context.proceed();
        } finally {
            long end = System.nanoTime();
            long nanos = end - start;
            Peers.FLOOR.add(nanos);
            long sequence = (long) LONGS.getAndAdd(SEQUENCE, 8, 1L);
            int base = (int) (sequence & (SLOTS - 1)) * STRIDE;
            long stamp = (long) LONGS.getVolatile(ROWS, base);
            if ((stamp & BUSY) == 0 && stamp <= sequence
                    && LONGS.compareAndSet(ROWS, base, stamp, (sequence + 1) | BUSY)) {
                ROWS[base + 1] = end;
                ROWS[base + 2] = nanos;
                LONGS.setRelease(ROWS, base, sequence + 1);
            }
        }
    }
}
