package io.measured.bench;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.TimeUnit;

/** A minimal interceptor around Micrometer's Timer with percentiles and a percentile histogram. */
@MicrometerTimed
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class MicrometerInterceptor {

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        long start = System.nanoTime();
        try {
            return context.proceed();
        } finally {
            Peers.MICROMETER.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
