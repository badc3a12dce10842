package io.measured.internal.cdi;

import io.measured.MetricsBuffer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.event.Startup;
import jakarta.interceptor.Interceptor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the application's buffer, and initializes every library class with a static initializer,
 * when the application starts, on the shallow stack of the container's startup thread. Left to the
 * first measured call, that work may run near the end of a deep recursion's stack, and a class
 * whose static initializer is cut short by a {@link StackOverflowError} is unusable for the rest
 * of the JVM's life ({@code NoClassDefFoundError: Could not initialize class ...}): no call would
 * ever be recorded again, and JDBC calls through the wrappers would fail.
 *
 * <p>Only the copy of the library the application sees does this. Where a second copy is a bean
 * archive of the application too (Open Liberty's library for a data source the application
 * defines), its buffer is never used, and resolving it would make Weld define its client proxy
 * class first, under the very name the application's own copy needs for its buffer's proxy.
 *
 * <p>It observes {@link Startup}, not {@code @Initialized(ApplicationScoped.class)}: Quarkus fires
 * the latter in its static initialization, where making the buffer would read the settings inside a
 * class initializer (a mistake in them then ends as {@code ExceptionInInitializerError}, "Error
 * running Quarkus", instead of a failed start naming it; in a native image static initialization
 * even runs at the build). It runs after the settings' own check at {@code Startup}
 * ({@link MeasuredLiteExtension}) where there is one.
 */
@Dependent
public final class EagerStart {

    private static final Logger LOG = Logger.getLogger(EagerStart.class.getName());

    private EagerStart() {
    }

    static void applicationStarts(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE + 1) Startup ignored,
            Instance<MetricsBuffer> buffer) {
        if (!seenByApplication()) {
            return;
        }
        buffer.get().getMaxSize(); // a client proxy: this makes the contextual instance
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

    /** Whether the starting application's class loader finds this copy of the library. */
    private static boolean seenByApplication() {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        if (application == null) {
            return true;
        }
        try {
            return Class.forName(EagerStart.class.getName(), false, application) == EagerStart.class;
        } catch (ClassNotFoundException | LinkageError notSeen) {
            return false;
        }
    }
}
