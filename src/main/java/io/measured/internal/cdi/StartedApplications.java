package io.measured.internal.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The class loaders of the applications whose CDI container runs with this copy of the library:
 * each is added, as the thread's context class loader, when its application context starts, and
 * removed when it ends. Where one copy serves several applications (a server's shared library),
 * this tells an application's thread from a server's own, on which asking CDI for the current
 * container is unsafe: GlassFish asked before its first CDI application has deployed fails that
 * deployment ("SingletonProvider is already initialized"). Loaders are held weakly, so an
 * application the server never reported ended is not kept. Thread-safe: starting and ending
 * applications take this class's lock; {@link #started} is on the JDBC recording path and takes
 * none (it reads a copy-on-write array).
 */
@Dependent
public final class StartedApplications {

    /** Replaced whole under this class's lock; entries whose loader was collected are dropped on change. */
    private static volatile List<WeakReference<ClassLoader>> started = List.of();

    static void applicationStarts(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        if (application != null) {
            change(application, true);
        }
    }

    static void applicationEnds(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        if (application != null) {
            change(application, false);
        }
    }

    private static synchronized void change(ClassLoader application, boolean add) {
        List<WeakReference<ClassLoader>> kept = new ArrayList<>();
        for (WeakReference<ClassLoader> reference : started) {
            ClassLoader loader = reference.get();
            if (loader != null && loader != application) {
                kept.add(reference);
            }
        }
        if (add) {
            kept.add(new WeakReference<>(application));
        }
        started = List.copyOf(kept);
    }

    /**
     * Whether an application whose context class loader is {@code loader} has started its CDI
     * container with this copy of the library and not ended it.
     *
     * @param loader a class loader; null answers false
     * @return true if such an application runs
     */
    public static boolean started(ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        for (WeakReference<ClassLoader> reference : started) {
            if (reference.get() == loader) {
                return true;
            }
        }
        return false;
    }
}
