package io.measured.bench;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** The least any timing interceptor does: two nanoTime reads and one striped add. */
@FloorTimed
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class FloorInterceptor {

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        long start = System.nanoTime();
        try {
            return context.proceed();
        } finally {
            Peers.FLOOR.add(System.nanoTime() - start);
        }
    }
}
