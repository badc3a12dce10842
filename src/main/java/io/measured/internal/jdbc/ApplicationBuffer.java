package io.measured.internal.jdbc;

import io.measured.MetricsBuffer;
import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.config.MeasuredSettings;
import jakarta.enterprise.inject.spi.CDI;
import java.util.function.Supplier;

/**
 * The buffer of the application calling, found through CDI: null when the application's settings
 * turn JDBC timing off ({@code measured.enabled} or {@code measured.jdbc.enabled} false), and an
 * {@link IllegalStateException} when no CDI container answers on this thread yet (a server thread
 * making the pool's first connections during deployment, or plain Java), so the caller asks again
 * later.
 */
public final class ApplicationBuffer implements Supplier<MetricsBuffer> {

    @Override
    public MetricsBuffer get() {
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
