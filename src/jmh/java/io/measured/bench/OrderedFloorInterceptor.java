package io.measured.bench;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The floor plus the least a buffer of recent calls in one order across threads adds to it: one
 * more atomic instruction, which takes the row's sequence number, and the row's stores (duration
 * and time, then its stamp with release). It keeps no operation, no timestamp conversion, no
 * sampling decision and never waits for a lapped slot, so it is a lower bound for any recorder that
 * both counts every call and keeps sampled calls in order, not a usable one.
 */
@OrderedFloorTimed
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class OrderedFloorInterceptor {

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
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
            ROWS[base + 1] = end;
            ROWS[base + 2] = nanos;
            LONGS.setRelease(ROWS, base, sequence + 1);
        }
    }
}
