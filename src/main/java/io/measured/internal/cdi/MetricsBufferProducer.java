package io.measured.internal.cdi;

import io.measured.MetricsBuffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** Makes the application's one {@link MetricsBuffer}, configured from the {@code measured.*} settings. */
@Dependent
public class MetricsBufferProducer {

    @Produces
    @ApplicationScoped
    MetricsBuffer metricsBuffer(MeasuredExtension extension) {
        return extension.settings().newBuffer();
    }
}
