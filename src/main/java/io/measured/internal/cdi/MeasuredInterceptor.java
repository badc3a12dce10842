package io.measured.internal.cdi;

import io.measured.Measured;
import io.measured.MetricsBuffer;
import io.measured.OperationType;
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
 * completes, and the same stage is returned.
 */
@Measured(type = OperationType.DATABASE)
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class MeasuredInterceptor {

    private static final Map<String, String> SUCCESS = Map.of(Outcomes.OUTCOME, Outcomes.SUCCESS);

    @Inject
    MetricsBuffer buffer;

    @Inject
    MeasuredExtension extension;

    @Inject
    BindingResolver resolver;

    @Inject
    RecordingFailures failures;

    @AroundInvoke
    Object measure(InvocationContext context) throws Exception {
        if (!extension.settings().enabled()) {
            return context.proceed();
        }
        Optional<Binding> binding = resolver.resolve(context);
        if (binding.isEmpty()) {
            return context.proceed();
        }
        long start = System.nanoTime();
        Object result;
        try {
            result = context.proceed();
        } catch (Throwable failure) {
            record(binding.get(), System.nanoTime() - start, failure);
            throw failure;
        }
        if (result instanceof CompletionStage<?> stage) {
            Binding completing = binding.get();
            stage.whenComplete((value, failure) -> record(completing, System.nanoTime() - start, unwrap(failure)));
        } else {
            record(binding.get(), System.nanoTime() - start, null);
        }
        return result;
    }

    private void record(Binding binding, long nanos, Throwable failure) {
        try {
            double ms = nanos / 1_000_000.0;
            Map<String, String> metadata = failure == null ? SUCCESS : Map.of(
                    Outcomes.OUTCOME, Outcomes.ERROR, Outcomes.EXCEPTION, failure.getClass().getName());
            buffer.record(binding.type(), binding.name(), ms, metadata, ms >= extension.settings().slowThresholdMs());
        } catch (RuntimeException | LinkageError e) {
            failures.report(binding.name(), e);
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
