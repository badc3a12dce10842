package io.measured.internal.cdi;

import io.measured.Measured;
import io.measured.MetricsBuffer;
import io.measured.OperationRecorder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import io.measured.internal.stats.Outcomes;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Times calls of {@link Measured} methods, EJB timeouts and the lifecycle callbacks of class-bound
 * beans with {@link System#nanoTime()} and records them.
 *
 * <p>The business call always comes first: it returns its own result or throws its own exception
 * instance, whatever happens while recording, Errors such as a {@link StackOverflowError} or an
 * {@link OutOfMemoryError} included. A returned {@link CompletionStage} is timed until it
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
            binding = resolve(context, MeasuredInterceptor::methodBinding);
            recorder = null;
        }
        return time(context, binding, recorder);
    }

    /** A timeout is timed as a business method is. */
    @AroundTimeout
    Object aroundTimeout(InvocationContext context) throws Exception {
        return aroundInvoke(context);
    }

    @PostConstruct
    Object postConstruct(InvocationContext context) throws Exception {
        return time(context, resolve(context, (self, c) -> self.resolver.forPostConstruct(c).orElse(null)), null);
    }

    @PreDestroy
    Object preDestroy(InvocationContext context) throws Exception {
        return time(context, resolve(context, (self, c) -> self.resolver.forPreDestroy(c).orElse(null)), null);
    }

    /** How a call's binding is found; null when it has none. */
    private interface Lookup {
        Binding find(MeasuredInterceptor self, InvocationContext context);
    }

    /**
     * The call's binding, or null when timing is off, the call is not bound, or finding out failed
     * (reported): the call then runs untimed, never failing for the library's sake.
     */
    private Binding resolve(InvocationContext context, Lookup lookup) {
        try {
            return enabled() ? lookup.find(this, context) : null;
        } catch (Throwable e) {
            try {
                failures.report(String.valueOf(context.getMethod()), e);
            } catch (Throwable lost) { // a stack too full to report in: the call still runs
            }
            return null;
        }
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

    /** @param recorder the binding's recorder when already known, else null: it is then resolved when recording */
    private Object time(InvocationContext context, Binding binding, OperationRecorder recorder) throws Exception {
        if (binding == null) {
            return context.proceed();
        }
        long start = System.nanoTime();
        Object result;
        try {
            result = context.proceed();
        } catch (Throwable failure) {
            try {
                record(binding, recorder, start, System.nanoTime(), failure);
            } catch (Throwable lost) { // even calling record may overflow a stack the failure left nearly full
            }
            throw failure;
        }
        try {
            if (binding.mayReturnStage && result instanceof CompletionStage<?> stage) {
                whenComplete(stage, binding, recorder, start);
            } else {
                record(binding, recorder, start, System.nanoTime(), null);
            }
        } catch (Throwable lost) { // the call's own result comes first, whatever recording met
        }
        return result;
    }

    private void whenComplete(CompletionStage<?> stage, Binding binding, OperationRecorder recorder, long start) {
        try {
            stage.whenComplete((value, failure) -> record(binding, recorder, start, System.nanoTime(), unwrap(failure)));
        } catch (Throwable e) {
            failures.report(binding.name, e); // a stage that refuses dependents is still the caller's answer
        }
    }

    /**
     * Never throws but where calling it already fails (a full stack): a failure of any kind while
     * resolving the recorder or recording, Errors included, is reported, never passed to the
     * measured call, and leaves nothing that later calls would wait for.
     */
    private void record(Binding binding, OperationRecorder known, long start, long end, Throwable failure) {
        try {
            OperationRecorder recorder = known;
            if (recorder == null) {
                recorder = binding.recorder(buffer);
                if (binding == first) {
                    firstRecorder = recorder;
                }
            }
            if (failure != null && binding.isExpected(failure)) {
                recorder.record(start, end, Map.of(Outcomes.OUTCOME, Outcomes.EXPECTED,
                        Outcomes.EXCEPTION, failure.getClass().getName()));
            } else {
                recorder.record(start, end, failure);
            }
        } catch (Throwable e) {
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
