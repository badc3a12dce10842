package io.measured.internal.cdi;

import io.measured.MetricsBuffer;
import io.measured.internal.config.MeasuredSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
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
}
