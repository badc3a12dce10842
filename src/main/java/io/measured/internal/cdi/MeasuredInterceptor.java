package io.measured.internal.cdi;

import io.measured.Measured;
import io.measured.MetricsBuffer;
import io.measured.OperationType;
import io.measured.internal.buffer.BufferAccess;
import io.measured.internal.buffer.BufferCore;
import io.measured.internal.config.MeasuredSettings;
import io.measured.internal.stats.Outcomes;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Times calls of {@link Measured} methods with {@link System#nanoTime()} and records them.
 *
 * <p>The business call always comes first: it returns its own result or throws its own exception
 * instance, whatever happens while recording. A returned {@link CompletionStage} is timed until it
 * completes, and the same stage is returned. The steady-state path reads two nanoTimes and
 * allocates nothing: settings, binding and recording site are resolved on the first call and kept.
 */
@Measured(type = OperationType.DATABASE)
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class MeasuredInterceptor {

    @Inject
    MetricsBuffer buffer;

    @Inject
    MeasuredExtension extension;

    @Inject
    BindingResolver resolver;

    @Inject
    RecordingFailures failures;

    /** Both fixed for the application's life; set on first use (benign race: same values). */
    private MeasuredSettings settings;
    private Optional<BufferCore> core;
    /** The last binding this interceptor instance (one per bean instance) resolved. */
    private volatile Binding last;

    @AroundInvoke
    Object measure(InvocationContext context) throws Exception {
        MeasuredSettings current = settings;
        if (current == null) {
            current = extension.settings();
            settings = current;
        }
        if (!current.enabled()) {
            return context.proceed();
        }
        Binding binding = binding(context);
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
            stage.whenComplete((value, failure) -> record(binding, start, System.nanoTime(), unwrap(failure)));
        } else {
            record(binding, start, System.nanoTime(), null);
        }
        return result;
    }

    private Binding binding(InvocationContext context) {
        Binding cached = last;
        if (cached != null && cached.method == context.getMethod()) {
            return cached;
        }
        Binding resolved = resolver.resolve(context).orElse(null);
        if (resolved != null) {
            last = resolved;
        }
        return resolved;
    }

    private void record(Binding binding, long start, long end, Throwable failure) {
        try {
            BufferCore fast = core();
            if (fast != null) {
                Map<String, String> metadata = failure == null ? Outcomes.SUCCESS_METADATA : fast.safe(errorMetadata(failure));
                fast.recordCall(binding.site(fast), start, end, metadata, failure != null, false);
            } else {
                double ms = Math.max(0, end - start) / 1_000_000.0;
                buffer.record(binding.type, binding.name, ms, failure == null ? Outcomes.SUCCESS_METADATA : errorMetadata(failure),
                        ms >= settings.slowThresholdMs());
            }
        } catch (RuntimeException | LinkageError e) {
            failures.report(binding.name, e);
        }
    }

    /** The fast path into the application's buffer, or null when it is a user's subclass. */
    private BufferCore core() {
        Optional<BufferCore> resolved = core;
        if (resolved == null) {
            resolved = Optional.ofNullable(BufferAccess.core(buffer));
            core = resolved;
        }
        return resolved.orElse(null);
    }

    private static Map<String, String> errorMetadata(Throwable failure) {
        return Map.of(Outcomes.OUTCOME, Outcomes.ERROR, Outcomes.EXCEPTION, failure.getClass().getName());
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
