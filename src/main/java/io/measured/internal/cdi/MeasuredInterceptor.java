package io.measured.internal.cdi;

import io.measured.Measured;
import io.measured.MetricsBuffer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Times calls of {@link Measured} methods, EJB timeouts and the lifecycle callbacks of class-bound
 * beans with {@link System#nanoTime()} and records them.
 *
 * <p>The business call always comes first: it returns its own result or throws its own exception
 * instance, whatever happens while recording. A returned {@link CompletionStage} is timed until it
 * completes, and the same stage is returned; a stage that never completes is never recorded. The
 * steady-state path reads two nanoTimes and allocates nothing. Serializable, so beans of
 * passivating scopes may carry it: it holds only client proxies and transient caches.
 */
@Measured
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class MeasuredInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MetricsBuffer buffer;

    @Inject
    ActiveSettings settings;

    @Inject
    BindingResolver resolver;

    @Inject
    RecordingFailures failures;

    /** Whether timing is on; fixed for the application's life, read on first use. */
    private transient Boolean enabled;
    /** The binding of the first method this instance intercepted; never replaced, so never a shared write. */
    private transient Binding first;

    @AroundInvoke
    Object aroundInvoke(InvocationContext context) throws Exception {
        return enabled() ? time(context, methodBinding(context)) : context.proceed();
    }

    @AroundTimeout
    Object aroundTimeout(InvocationContext context) throws Exception {
        return enabled() ? time(context, methodBinding(context)) : context.proceed();
    }

    @PostConstruct
    Object postConstruct(InvocationContext context) throws Exception {
        return enabled() ? time(context, resolver.forPostConstruct(context).orElse(null)) : context.proceed();
    }

    @PreDestroy
    Object preDestroy(InvocationContext context) throws Exception {
        return enabled() ? time(context, resolver.forPreDestroy(context).orElse(null)) : context.proceed();
    }

    private boolean enabled() {
        Boolean on = enabled;
        if (on == null) {
            on = settings.get().enabled();
            enabled = on;
        }
        return on;
    }

    private Binding methodBinding(InvocationContext context) {
        Binding cached = first;
        if (cached != null && cached.method == context.getMethod()) {
            return cached;
        }
        Optional<Binding> resolved = resolver.forMethod(context);
        if (cached == null && resolved.isPresent()) {
            first = resolved.get();
        }
        return resolved.orElse(null);
    }

    private Object time(InvocationContext context, Binding binding) throws Exception {
        if (binding == null) {
            return context.proceed();
        }
        long start = System.nanoTime();
        Object result;
        try {
            result = context.proceed();
        } catch (Throwable failure) {
            record(binding, start, System.nanoTime(), failure);
            throw failure;
        }
        if (binding.mayReturnStage && result instanceof CompletionStage<?> stage) {
            try {
                stage.whenComplete((value, failure) -> record(binding, start, System.nanoTime(), unwrap(failure)));
            } catch (RuntimeException | LinkageError e) {
                failures.report(binding.name, e); // a stage that refuses dependents is still the caller's answer
            }
        } else {
            record(binding, start, System.nanoTime(), null);
        }
        return result;
    }

    /** Never throws: a failure to record is reported, never passed to the measured call. */
    private void record(Binding binding, long start, long end, Throwable failure) {
        try {
            binding.recorder(buffer).record(start, end, failure);
        } catch (RuntimeException | LinkageError e) {
            failures.report(binding.name, e);
        }
    }

    /** A stage that failed reports the cause wrapped; the metric names what the code threw. */
    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
