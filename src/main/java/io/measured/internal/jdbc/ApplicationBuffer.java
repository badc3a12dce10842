package io.measured.internal.jdbc;

import io.measured.MetricsBuffer;
import io.measured.internal.buffer.CoreAccess;
import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.cdi.StartedApplications;
import io.measured.internal.config.MeasuredSettings;
import jakarta.enterprise.inject.spi.CDI;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.function.Supplier;

/**
 * The buffer the JDBC work of one data source or connection is recorded into. First used on a
 * thread of the application whose class loader is this copy's own, once its CDI container has
 * started ({@link StartedApplications}), the copy belongs to that application: its buffer, found
 * through CDI once, or null when the application's settings turn JDBC timing off
 * ({@code measured.enabled} or {@code measured.jdbc.enabled} false). First used anywhere else (a
 * copy the server loaded for a data source it defines, shared with applications or beside their own
 * copies; a server's own thread; an application still deploying), the buffer of whichever
 * application runs each call ({@link CallerRecorders}), so that applications sharing one data
 * source each get their own statements, and CDI is never asked on a thread of no application.
 */
public final class ApplicationBuffer implements Supplier<DatabaseRecorders> {

    @Override
    public DatabaseRecorders get() {
        ClassLoader own = ApplicationBuffer.class.getClassLoader();
        if (Thread.currentThread().getContextClassLoader() == own && StartedApplications.started(own)) {
            Object buffer = lookUp();
            return buffer == null ? null : DatabaseRecorders.of((MetricsBuffer) buffer, expectedErrors());
        }
        return CallerRecorders.INSTANCE;
    }

    /**
     * The calling application's buffer as another copy of this library (the one {@code copy}
     * belongs to) sees it, through that copy's {@link #lookUp()}.
     *
     * @param copy {@code ApplicationBuffer} of another copy
     * @return that copy's {@code MetricsBuffer} of the calling application, or null when its JDBC
     *         timing is off
     * @throws IllegalStateException when no CDI container answers there yet, whatever that copy threw
     * @throws IllegalArgumentException when that copy lacks the lookup (another version of measured)
     */
    static Object lookUpIn(Class<?> copy) {
        MethodHandle lookUp;
        try {
            lookUp = MethodHandles.publicLookup().findStatic(copy, "lookUp", MethodType.methodType(Object.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("the application's copy of measured (" + copy.getProtectionDomain()
                    .getCodeSource() + ") does not offer what this copy (" + ApplicationBuffer.class.getProtectionDomain()
                    .getCodeSource() + ") needs; use one version of measured: " + e, e);
        }
        try {
            return lookUp.invoke();
        } catch (IllegalStateException notYet) {
            throw notYet;
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable e) {
            // an older copy passes on what a container that is still starting throws (Weld on WildFly: a NullPointerException)
            throw new IllegalStateException("the application's copy of measured found no CDI container: " + e, e);
        }
    }

    /**
     * This copy's lookup, also called by other copies (by name, so its signature holds only JDK
     * types).
     *
     * @return this copy's {@code MetricsBuffer} of the calling application, or null when its JDBC
     *         timing is off
     * @throws IllegalStateException when no CDI container answers on this thread yet (none started,
     *         or one still starting: Weld on WildFly then fails inside its own lookup)
     */
    /**
     * Describes a recorder of this copy for OpenTelemetry (see {@code CoreAccess.describe}); also
     * called by other copies, by name, so its signature holds only JDK types.
     *
     * @param recorder an {@code OperationRecorder} of this copy
     * @param attributes the database attributes, alternating keys and values
     */
    public static void describe(Object recorder, String[] attributes) {
        CoreAccess.describe(recorder, attributes);
    }

    /**
     * Whether a failure is of normal flow for the calling application ({@code measured.errors.expected});
     * false where no CDI container answers on this thread. Also called by other copies, by name.
     */
    public static boolean expected(Throwable failure) {
        List<Class<?>> expected;
        try {
            expected = expectedErrors();
        } catch (IllegalStateException noApplication) {
            return false;
        }
        for (Class<?> type : expected) {
            if (type.isInstance(failure)) {
                return true;
            }
        }
        return false;
    }

    /** The calling application's exceptions of normal flow, checked when it deployed. */
    static List<Class<?>> expectedErrors() {
        try {
            return List.copyOf(CDI.current().select(ActiveSettings.class).get().expectedErrors());
        } catch (RuntimeException | LinkageError noContainer) {
            throw new IllegalStateException("no CDI container answers on this thread: " + noContainer, noContainer);
        }
    }

    public static Object lookUp() {
        try {
            CDI<Object> cdi = CDI.current();
            MeasuredSettings settings = cdi.select(ActiveSettings.class).get().get();
            if (!settings.enabled() || !settings.jdbcEnabled()) {
                return null;
            }
            return cdi.select(MetricsBuffer.class).get();
        } catch (RuntimeException | LinkageError noContainer) {
            throw new IllegalStateException("no CDI container answers on this thread: " + noContainer, noContainer);
        }
    }
}
