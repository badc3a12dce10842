package io.measured.bench;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Weld's own interceptor cost: proceed and nothing else. */
@NoOpTimed
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class NoOpInterceptor {

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        return context.proceed();
    }
}
