package io.measured.internal.cdi;

import io.measured.Measured;
import io.measured.OperationRecorder;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Optional;

/**
 * Times calls of {@link Measured} methods and EJB timeouts ({@link TimingInterceptor} says how).
 * The lifecycle callbacks of class-bound beans are {@link LifecycleInterceptor}'s: an interceptor
 * with lifecycle callbacks may only be bound by a binding that targets types alone, and
 * {@code @Measured} also targets methods. The steady-state path reads two nanoTimes and allocates
 * nothing.
 */
@Measured
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class MeasuredInterceptor extends TimingInterceptor {

    private static final long serialVersionUID = 1L;

    /** The binding of the first method this instance intercepted; never replaced, so never a shared write. */
    private transient Binding first;
    /**
     * {@link #first}'s recorder, once a call of that method has been recorded (so timing is on): the
     * next calls of it reach the recorder in two loads. Set once, after {@code first}; the two are
     * read without ordering, so a call uses them only when it sees both.
     */
    private transient OperationRecorder firstRecorder;

    @AroundInvoke
    Object aroundInvoke(InvocationContext context) throws Exception {
        Binding binding = first;
        OperationRecorder recorder = firstRecorder;
        if (recorder == null || binding == null || binding.method != context.getMethod()) {
            binding = resolve(context, null, MeasuredInterceptor::methodBinding);
            recorder = null;
        }
        return time(context, binding, recorder);
    }

    /** A timeout is timed as a business method is. */
    @AroundTimeout
    Object aroundTimeout(InvocationContext context) throws Exception {
        return aroundInvoke(context);
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

    @Override
    void recorderFound(Binding binding, OperationRecorder recorder) {
        if (binding == first) {
            firstRecorder = recorder;
        }
    }
}
