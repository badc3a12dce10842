package io.measured.internal.jdbc;

import io.measured.MetricsBuffer;
import io.measured.internal.cdi.StartedApplications;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The buffer of the application a thread works for, known by the thread's context class loader:
 * the buffer of the copy of this library that loader sees, which is this copy where the
 * application shares it (asked only once the application's CDI container has started, see
 * {@link StartedApplications}), or the application's own copy, reached through
 * {@link ForeignRecorders}. A loader that sees no copy (a server's own thread, an application
 * without measured) records nothing.
 *
 * <p>Invariant: an application's buffer and the recorders resolved for it are held only weakly,
 * so nothing here keeps an ended application's class loader; after a garbage collection they are
 * resolved again on the next call. The last application seen is found without a lock. Thread-safe.
 */
final class CallerBuffers {

    static final CallerBuffers INSTANCE = new CallerBuffers();

    private static final Logger LOG = Logger.getLogger(CallerBuffers.class.getName());
    /** How long an application whose container has not started yet is left before it is asked again. */
    private static final long RETRY_NANOS = 100_000_000L;
    /** Bounds on what is remembered; past them calls are resolved without being remembered. */
    private static final int MAX_LOADERS = 256;
    private static final int MAX_RECORDERS = 4_096;

    private volatile WeakReference<Application> last = new WeakReference<>(null);
    /**
     * Copy-on-write by one compare-and-set, never retried: a statement never waits for another
     * thread, and a loader whose remembering lost a race is resolved again on its next miss.
     */
    private final AtomicReference<List<WeakReference<Application>>> known = new AtomicReference<>(List.of());

    /** The calling application's recorder of {@code key}'s operation, or null when nothing is recorded for it. */
    DatabaseRecorder recorderFor(CallerRecorders.Recorder key) {
        Application application = current();
        return application == null ? null : application.recorderFor(key);
    }

    /** The calling application, or null when nothing is recorded for it now. */
    Application current() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context == null) {
            return null;
        }
        Application application = last.get();
        if (application == null || application.loader != context || application.expired()) {
            application = find(context);
            if (application == null || application.expired()) {
                application = resolve(context);
                remember(application);
            }
            last = application.self;
        }
        return application.recorders == null ? null : application;
    }

    private Application find(ClassLoader context) {
        for (WeakReference<Application> reference : known.get()) {
            Application application = reference.get();
            if (application != null && application.loader == context) {
                return application;
            }
        }
        return null;
    }

    private void remember(Application application) {
        List<WeakReference<Application>> before = known.get();
        List<WeakReference<Application>> kept = new ArrayList<>();
        for (WeakReference<Application> reference : before) {
            Application other = reference.get();
            if (other != null && other.loader != application.loader) {
                kept.add(reference);
            }
        }
        if (kept.size() < MAX_LOADERS) {
            kept.add(application.self);
        }
        known.compareAndSet(before, List.copyOf(kept));
    }

    private static Application resolve(ClassLoader context) {
        Class<?> copy;
        try {
            copy = Class.forName(ApplicationBuffer.class.getName(), false, context);
        } catch (ClassNotFoundException | LinkageError noCopy) {
            return new Application(context, null, false);
        }
        try {
            if (copy == ApplicationBuffer.class) {
                if (!startedHere(context)) {
                    return new Application(context, null, true);
                }
                Object buffer = ApplicationBuffer.lookUp();
                return new Application(context, buffer == null ? null
                        : DatabaseRecorders.of((MetricsBuffer) buffer, ApplicationBuffer.expectedErrors()), false);
            }
            Object buffer = ApplicationBuffer.lookUpIn(copy);
            return new Application(context, buffer == null ? null : new ForeignRecorders(buffer, copy.getClassLoader()),
                    false);
        } catch (IllegalStateException notYet) {
            return new Application(context, null, true);
        } catch (IllegalArgumentException | ReflectiveOperationException | ClassCastException mismatch) {
            LOG.log(Level.WARNING, "measured: the SQL of the application with class loader {0} is not recorded: {1}",
                    new Object[] {context, String.valueOf(mismatch)});
            return new Application(context, null, false);
        }
    }

    /** Whether {@code context}, or a loader it delegates to, is an application that started with this copy. */
    private static boolean startedHere(ClassLoader context) {
        for (ClassLoader loader = context; loader != null; loader = loader.getParent()) {
            if (StartedApplications.started(loader)) {
                return true;
            }
        }
        return false;
    }

    /** One class loader's answer: its buffer's recorders, or null when nothing is recorded there (for now). */
    static final class Application {

        final ClassLoader loader;
        final DatabaseRecorders recorders;
        final WeakReference<Application> self = new WeakReference<>(this);
        /** When a "not yet" answer is to be asked again; unused otherwise. */
        private final long retryAt;
        private final boolean notYet;
        private final ConcurrentHashMap<CallerRecorders.Recorder, DatabaseRecorder> resolved = new ConcurrentHashMap<>();

        Application(ClassLoader loader, DatabaseRecorders recorders, boolean notYet) {
            this.loader = loader;
            this.recorders = recorders;
            this.notYet = notYet;
            this.retryAt = System.nanoTime() + RETRY_NANOS;
        }

        boolean expired() {
            return notYet && System.nanoTime() - retryAt >= 0;
        }

        DatabaseRecorder recorderFor(CallerRecorders.Recorder key) {
            DatabaseRecorder known = resolved.get(key);
            if (known != null) {
                return known;
            }
            DatabaseRecorder named = recorders.named(key.name, key.telemetryAttributes);
            DatabaseRecorder made = key.metadata == null ? named : named.withMetadata(key.metadata);
            if (resolved.size() < MAX_RECORDERS) {
                resolved.putIfAbsent(key, made);
            }
            return made;
        }
    }
}
