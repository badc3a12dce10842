package io.measured.internal.buffer;

import io.measured.MetricsBuffer;
import java.util.function.Function;

/**
 * Lets the library's own code reach a {@link MetricsBuffer}'s core without widening the public
 * API: {@code MetricsBuffer} installs the accessor when its class initializes. The accessor holds
 * no state of any application.
 */
public final class BufferAccess {

    private static volatile Function<MetricsBuffer, BufferCore> accessor;

    private BufferAccess() {
    }

    /** Called once, by {@code MetricsBuffer}'s static initializer; later calls are refused. */
    public static synchronized void install(Function<MetricsBuffer, BufferCore> coreOf) {
        if (accessor != null) {
            throw new IllegalStateException("the MetricsBuffer accessor is installed already");
        }
        accessor = coreOf;
    }

    /**
     * Returns the core behind a buffer (through a CDI client proxy too), or null when the buffer is
     * a subclass whose overrides must be honoured, or a proxy that cannot delegate the call.
     */
    public static BufferCore core(MetricsBuffer buffer) {
        return accessor.apply(buffer);
    }
}
