package io.measured.bench;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * What a user writes by hand without {@code @Measured}: the call timed and recorded into an
 * OpenTelemetry SDK histogram, with attributes built once ({@link Peers#OTEL_HISTOGRAM}).
 */
@OtelTimed
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class OtelInterceptor {

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        long start = System.nanoTime();
        try {
            return context.proceed();
        } finally {
            Peers.OTEL_HISTOGRAM.record((System.nanoTime() - start) / 1e9, Peers.OTEL_ATTRIBUTES);
        }
    }
}
