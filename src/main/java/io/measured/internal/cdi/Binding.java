package io.measured.internal.cdi;

import io.measured.MetricsBuffer;
import io.measured.OperationRecorder;
import io.measured.OperationType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.CompletionStage;

/**
 * What the interceptor records a method's (or a lifecycle callback's) calls as, with its recorder
 * once resolved. Thread-safe: the recorder is set at most once per buffer, and a racing second
 * resolution yields an equal recorder.
 */
final class Binding {

    /** The intercepted method; null for a lifecycle callback. */
    final Method method;
    final OperationType type;
    final String name;
    /**
     * False when no returned value can be a {@link CompletionStage}: a lifecycle callback, or a method
     * returning a primitive, void, or a final class that is not one (such as {@code String}), so the
     * interceptor skips the type check on every call.
     */
    final boolean mayReturnStage;
    /** Exception classes of normal flow: the binding's own and the configured ones. */
    private final Class<?>[] expected;
    private volatile OperationRecorder recorder;

    Binding(Method method, OperationType type, String name, Class<?>[] expected) {
        this.method = method;
        this.type = type;
        this.name = name;
        this.expected = expected;
        Class<?> returned = method == null ? void.class : method.getReturnType();
        this.mayReturnStage = !returned.isPrimitive()
                && (!Modifier.isFinal(returned.getModifiers()) || CompletionStage.class.isAssignableFrom(returned));
    }

    /** Whether {@code failure} is of normal flow: an instance of an expected class or of a subclass. */
    boolean isExpected(Throwable failure) {
        for (Class<?> type : expected) {
            if (type.isInstance(failure)) {
                return true;
            }
        }
        return false;
    }

    OperationRecorder recorder(MetricsBuffer buffer) {
        OperationRecorder resolved = recorder;
        if (resolved == null) {
            resolved = buffer.recorder(type, name);
            recorder = resolved;
        }
        return resolved;
    }
}
