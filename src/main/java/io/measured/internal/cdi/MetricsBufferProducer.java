package io.measured.internal.cdi;

import io.measured.MetricsBuffer;
import io.measured.internal.buffer.CoreAccess;
import io.measured.internal.config.MeasuredSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * Makes the application's one {@link MetricsBuffer}, configured from the {@code measured.*}
 * settings and linked to the application's OpenTelemetry where it has one.
 */
@Dependent
public class MetricsBufferProducer {

    @Produces
    @ApplicationScoped
    MetricsBuffer metricsBuffer(CheckedSettings checked, Instance<Object> beans) {
        MeasuredSettings settings = checked.settings();
        MetricsBuffer buffer = settings.newBuffer();
        TelemetryConnection.link(buffer, settings, beans);
        return buffer;
    }

    /**
     * As the application ends: its buffer's thread must not outlive it, and with it the
     * application's class loader, while the server keeps undeployed modules reachable.
     */
    void release(@Disposes MetricsBuffer buffer) {
        CoreAccess.of(buffer).release();
    }
}
