package io.measured.internal.cdi;

import io.measured.MetricsBuffer;
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
    MetricsBuffer metricsBuffer(MeasuredExtension extension, Instance<Object> beans) {
        MetricsBuffer buffer = extension.settings().newBuffer();
        TelemetryConnection.link(buffer, extension.settings(), beans);
        return buffer;
    }
}
