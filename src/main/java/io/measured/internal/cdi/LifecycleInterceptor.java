package io.measured.internal.cdi;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Times the {@code @PostConstruct} and {@code @PreDestroy} callbacks of beans bound to
 * {@code @Measured} at class level, named {@code SimpleClassName.@PostConstruct}; the extensions
 * mark those beans with {@link MeasuredLifecycle}. Its own interceptor, because CDI lets an
 * interceptor with lifecycle callbacks be bound only by bindings that target types alone (Weld
 * warns of any other: WELD-000619).
 */
@MeasuredLifecycle
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class LifecycleInterceptor extends TimingInterceptor {

    private static final long serialVersionUID = 1L;

    @PostConstruct
    Object postConstruct(InvocationContext context) throws Exception {
        return time(context, resolve(context, BindingResolver.POST_CONSTRUCT,
                (LifecycleInterceptor self, InvocationContext c) -> self.resolver.forPostConstruct(c).orElse(null)), null);
    }

    @PreDestroy
    Object preDestroy(InvocationContext context) throws Exception {
        return time(context, resolve(context, BindingResolver.PRE_DESTROY,
                (LifecycleInterceptor self, InvocationContext c) -> self.resolver.forPreDestroy(c).orElse(null)), null);
    }
}
