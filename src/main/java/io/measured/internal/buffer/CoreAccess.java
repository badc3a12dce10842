package io.measured.internal.buffer;

import java.util.function.Function;

/**
 * How the library's own code reaches the core of a {@code MetricsBuffer} it made, without a public
 * method for it: the buffer class grants the access when it is initialized. Typed with
 * {@code Object} so this package never depends on the public one. Thread-safe.
 */
public final class CoreAccess {

    private static volatile Function<Object, BufferCore> access;

    private CoreAccess() {
    }

    /** Called once, by the buffer class. */
    public static void grant(Function<Object, BufferCore> granted) {
        access = granted;
    }

    /**
     * The core of {@code buffer}, a {@code MetricsBuffer} instance itself (never a CDI client
     * proxy, whose own core would be a new, empty one).
     */
    public static BufferCore of(Object buffer) {
        return access.apply(buffer);
    }
}
