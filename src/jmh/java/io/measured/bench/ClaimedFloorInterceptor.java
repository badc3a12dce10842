package io.measured.bench;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The ordered floor ({@link OrderedFloorInterceptor}) plus what the buffer's exactness needs: the
 * writer claims its slot with one compare-and-set of the slot's stamp before its stores, so a
 * writer lapped while it writes cannot spoil the newer row of its slot, and the buffer holds
 * exactly the last rows once writers stop. A writer that loses the claim drops its row here (the
 * library boxes it instead, which a single-threaded benchmark never reaches). It keeps no
 * operation, no timestamp conversion and no sampling decision, so it is a lower bound for any
 * recorder keeping the buffer's whole contract, not a usable one. The row's work is
 * {@link FloorRows#claimed}.
 */
@ClaimedFloorTimed
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class ClaimedFloorInterceptor {

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        long start = System.nanoTime();
        try {
            return context.proceed();
        } finally {
            long end = System.nanoTime();
            long nanos = end - start;
            Peers.FLOOR.add(nanos);
            FloorRows.claimed(end, nanos);
        }
    }
}
