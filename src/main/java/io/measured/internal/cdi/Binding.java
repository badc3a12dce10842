package io.measured.internal.cdi;

import io.measured.OperationType;
import io.measured.internal.buffer.BufferCore;
import io.measured.internal.buffer.Site;
import java.lang.reflect.Method;

/** What the interceptor records a method's calls as, with its recording site once resolved. */
final class Binding {

    final Method method;
    final OperationType type;
    final String name;
    private volatile Site site;

    Binding(Method method, OperationType type, String name) {
        this.method = method;
        this.type = type;
        this.name = name;
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
