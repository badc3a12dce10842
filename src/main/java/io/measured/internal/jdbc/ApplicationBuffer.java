package io.measured.internal.jdbc;

import io.measured.MetricsBuffer;
import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.config.MeasuredSettings;
import jakarta.enterprise.inject.spi.CDI;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Supplier;

/**
 * The buffer of the application calling, found through CDI: null when the application's settings
 * turn JDBC timing off ({@code measured.enabled} or {@code measured.jdbc.enabled} false), and an
 * {@link IllegalStateException} when no CDI container answers on this thread yet (a server thread
 * making the pool's first connections during deployment, or plain Java), so the caller asks again
 * later.
 *
 * <p>The application is the one whose class loader is the thread's context class loader. When
 * that loader sees another copy of this library than this one (a server library beside the
 * application's own {@code WEB-INF/lib}, as Open Liberty requires for a data source definition's
 * class), the buffer is that copy's, reached through {@link ForeignRecorders}: the application's
 * endpoints read its own copy's buffer.
 */
public final class ApplicationBuffer implements Supplier<DatabaseRecorders> {

    @Override
    public DatabaseRecorders get() {
        Class<?> applications = applicationsCopy();
        if (applications == ApplicationBuffer.class) {
            Object buffer = lookUp();
            return buffer == null ? null : DatabaseRecorders.of((MetricsBuffer) buffer);
        }
        try {
            MethodHandle lookUp = MethodHandles.publicLookup().findStatic(applications, "lookUp",
                    MethodType.methodType(Object.class));
            Object buffer = lookUp.invoke();
            return buffer == null ? null : new ForeignRecorders(buffer, applications.getClassLoader());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalArgumentException("the application's copy of measured (" + applications.getProtectionDomain()
                    .getCodeSource() + ") does not offer what this copy (" + ApplicationBuffer.class.getProtectionDomain()
                    .getCodeSource() + ") needs; use one version of measured: " + e, e);
        }
    }

    /** This class as the application's class loader sees it: this very class, or another copy's. */
    private static Class<?> applicationsCopy() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context == null || context == ApplicationBuffer.class.getClassLoader()) {
            return ApplicationBuffer.class;
        }
        try {
            return Class.forName(ApplicationBuffer.class.getName(), false, context);
        } catch (ClassNotFoundException | LinkageError notThere) {
            return ApplicationBuffer.class; // the application has no copy of its own: this one is its
        }
    }

    /**
     * This copy's lookup, also called by other copies (by name, so its signature holds only JDK
     * types).
     *
     * @return this copy's {@code MetricsBuffer} of the calling application, or null when its JDBC
     *         timing is off
     * @throws IllegalStateException when no CDI container answers on this thread yet
     */
    public static Object lookUp() {
        CDI<Object> cdi;
        try {
            cdi = CDI.current();
        } catch (RuntimeException | LinkageError noContainer) {
            throw new IllegalStateException("no CDI container answers on this thread: " + noContainer, noContainer);
        }
        MeasuredSettings settings = cdi.select(ActiveSettings.class).get().get();
        if (!settings.enabled() || !settings.jdbcEnabled()) {
            return null;
        }
        return cdi.select(MetricsBuffer.class).get();
    }
}
