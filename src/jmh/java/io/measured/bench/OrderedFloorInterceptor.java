package io.measured.bench;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The floor plus the least a buffer of recent calls in one order across threads adds to it: one
 * more atomic instruction, which takes the row's sequence number, and the row's stores (duration
 * and time, then its stamp with release). It keeps no operation, no timestamp conversion, no
 * sampling decision and never waits for a lapped slot, so it is a lower bound for any recorder that
 * both counts every call and keeps sampled calls in order, not a usable one. Since the ring's
 * claim it is below what the buffer's exactness needs; {@link ClaimedFloorInterceptor} is not.
 * The row's work is {@link FloorRows#ordered}.
 */
@OrderedFloorTimed
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class OrderedFloorInterceptor {

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        long start = System.nanoTime();
        try {
            return context.proceed();
        } finally {
            long end = System.nanoTime();
            long nanos = end - start;
            Peers.FLOOR.add(nanos);
            FloorRows.ordered(end, nanos);
        }
    }
}
