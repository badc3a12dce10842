package io.measured.internal.cdi;

import io.measured.MetricsBuffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the application's buffer, and initializes every library class with a static initializer,
 * when the application starts, on the shallow stack of the container's startup thread. Left to the
 * first measured call, that work may run near the end of a deep recursion's stack, and a class
 * whose static initializer is cut short by a {@link StackOverflowError} is unusable for the rest
 * of the JVM's life ({@code NoClassDefFoundError: Could not initialize class ...}): no call would
 * ever be recorded again, and JDBC calls through the wrappers would fail.
 */
@Dependent
public final class EagerStart {

    private static final Logger LOG = Logger.getLogger(EagerStart.class.getName());

    private EagerStart() {
    }

    static void applicationStarts(@Observes @Initialized(ApplicationScoped.class) Object ignored, MetricsBuffer buffer) {
        buffer.getMaxSize(); // a client proxy: this makes the contextual instance
        ClassLoader loader = EagerStart.class.getClassLoader();
        for (String name : StaticInitializers.CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError optional) {
                // A class for an API this server lacks (Faces, say): it is never used here either.
                LOG.log(Level.FINE, "measured: {0} not initialized: {1}", new Object[] {name, optional});
            }
        }
    }
}
