package io.measured.internal.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The class loaders of the applications whose CDI container runs with this copy of the library:
 * each is added, as the thread's context class loader, when its application context starts, and
 * removed when it ends. Where one copy serves several applications (a server's shared library),
 * this tells an application's thread from a server's own, on which asking CDI for the current
 * container is unsafe: GlassFish asked before its first CDI application has deployed fails that
 * deployment ("SingletonProvider is already initialized"). Loaders are held weakly, so an
 * application the server never reported ended is not kept. Thread-safe.
 */
@Dependent
public final class StartedApplications {

    private static final Map<ClassLoader, Boolean> STARTED = Collections.synchronizedMap(new WeakHashMap<>());

    static void applicationStarts(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        if (application != null) {
            STARTED.put(application, Boolean.TRUE);
        }
    }

    static void applicationEnds(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        if (application != null) {
            STARTED.remove(application);
        }
    }

    /**
     * Whether an application whose context class loader is {@code loader} has started its CDI
     * container with this copy of the library and not ended it.
     *
     * @param loader a class loader; null answers false
     * @return true if such an application runs
     */
    public static boolean started(ClassLoader loader) {
        return loader != null && STARTED.containsKey(loader);
    }
}
