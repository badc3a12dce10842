package io.measured.internal.cdi;

import io.measured.OperationType;
import io.measured.internal.buffer.BufferCore;
import io.measured.internal.buffer.Site;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.CompletionStage;

/** What the interceptor records a method's calls as, with its recording site once resolved. */
final class Binding {

    final Method method;
    final OperationType type;
    final String name;
    /**
     * False when no returned value can be a {@link CompletionStage}: the method returns a primitive,
     * void, or a final class that is not one (such as {@code String} or a boxed number), so the
     * interceptor skips the type check on every call.
     */
    final boolean mayReturnStage;
    private volatile Site site;

    Binding(Method method, OperationType type, String name) {
        this.method = method;
        this.type = type;
        this.name = name;
        Class<?> returned = method.getReturnType();
        this.mayReturnStage = !returned.isPrimitive()
                && (!Modifier.isFinal(returned.getModifiers()) || CompletionStage.class.isAssignableFrom(returned));
    }

    Site site(BufferCore core) {
        Site resolved = site;
        if (resolved == null) {
            resolved = core.site(type, name);
            site = resolved;
        }
        return resolved;
    }
}
