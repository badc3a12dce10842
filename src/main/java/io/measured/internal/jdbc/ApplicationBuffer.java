package io.measured.internal.jdbc;

import io.measured.MetricsBuffer;
import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.config.MeasuredSettings;
import jakarta.enterprise.inject.spi.CDI;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The buffer of the application calling, found through CDI, or null when there is none to record
 * into: no CDI container on this thread (plain Java, a server thread outside any application), or
 * {@code measured.enabled} or {@code measured.jdbc.enabled} false. Then the JDBC wrappers pass
 * every call through.
 */
public final class ApplicationBuffer implements Supplier<MetricsBuffer> {

    private static final Logger LOG = Logger.getLogger(ApplicationBuffer.class.getName());

    @Override
    public MetricsBuffer get() {
        CDI<Object> cdi;
        try {
            cdi = CDI.current();
        } catch (RuntimeException | LinkageError noContainer) {
            LOG.log(Level.INFO, "measured: no CDI container where the JDBC connection was made; its statements are"
                    + " not recorded ({0}). Use MeasuredDataSource.wrap(dataSource, buffer) outside Jakarta EE.",
                    String.valueOf(noContainer));
            return null;
        }
        MeasuredSettings settings = cdi.select(ActiveSettings.class).get().get();
        if (!settings.enabled() || !settings.jdbcEnabled()) {
            return null;
        }
        return cdi.select(MetricsBuffer.class).get();
    }
}
