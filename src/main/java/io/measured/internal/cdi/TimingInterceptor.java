package io.measured.internal.cdi;

import io.measured.MetricsBuffer;
import io.measured.OperationRecorder;
import io.measured.internal.stats.Outcomes;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * What the library's interceptors share: a bound call timed with {@link System#nanoTime()} and
 * recorded, the business call always first. It returns its own result or throws its own exception
 * instance, whatever happens while recording, Errors such as a {@link StackOverflowError} or an
 * {@link OutOfMemoryError} included. A returned {@link CompletionStage} is timed until it
 * completes, and the same stage is returned; a stage that never completes is never recorded.
 * Serializable, so beans of passivating scopes may carry its subclasses: it holds only client
 * proxies and transient caches. It declares no interceptor method itself (those of a superclass
 * would run in every subclass).
 */
abstract class TimingInterceptor implements Serializable {

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

    /** How a call's binding is found; null when it has none. */
    interface Lookup<T extends TimingInterceptor> {
        Binding find(T self, InvocationContext context);
    }

    /**
     * The call's binding, or null when timing is off, the call is not bound, or finding out failed
     * (reported): the call then runs untimed, never failing for the library's sake.
     *
     * @param callback the lifecycle callback's label ({@code @PostConstruct}), null for a method call
     */
    @SuppressWarnings("unchecked") // a subclass passes lookups of its own type
    final <T extends TimingInterceptor> Binding resolve(InvocationContext context, String callback, Lookup<T> lookup) {
        try {
            return enabled() ? lookup.find((T) this, context) : null;
        } catch (Throwable e) {
            try {
                failures.report(callName(context, callback), e);
            } catch (Throwable lost) { // a stack too full to report in: the call still runs
            }
            return null;
        }
    }

    /** A lifecycle callback's context has no method: the report names the bean class and callback. */
    private static String callName(InvocationContext context, String callback) {
        if (callback == null) {
            return String.valueOf(context.getMethod());
        }
        return DeclaredBindings.beanClass(context.getTarget().getClass()).getName() + "." + callback;
    }

    private boolean enabled() {
        Boolean on = enabled;
        if (on == null) {
            on = settings.get().enabled();
            enabled = on;
        }
        return on;
    }

    /** Called once a binding's recorder is known, for subclasses that keep it. */
    void recorderFound(Binding binding, OperationRecorder recorder) {
    }

    /** @param recorder the binding's recorder when already known, else null: it is then resolved when recording */
    final Object time(InvocationContext context, Binding binding, OperationRecorder recorder) throws Exception {
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
                recorderFound(binding, recorder);
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

    /** Wrappers unwrapped at most: a cause chain may loop, since {@link Throwable#initCause} refuses only the throwable itself. */
    private static final int MAX_WRAPPERS = 32;

    /**
     * A stage that failed reports the cause wrapped; the metric names what the code threw. A chain
     * of wrappers longer than {@link #MAX_WRAPPERS} (one that loops) names the failure as given.
     */
    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; isWrapper(cause); depth++) {
            if (depth == MAX_WRAPPERS) {
                return failure;
            }
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean isWrapper(Throwable failure) {
        return (failure instanceof CompletionException || failure instanceof ExecutionException) && failure.getCause() != null;
    }
}
