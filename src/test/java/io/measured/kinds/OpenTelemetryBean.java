package io.measured.kinds;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The application's OpenTelemetry as a CDI bean, as MicroProfile Telemetry runtimes provide it: the real SDK, in memory. */
@ApplicationScoped
public class OpenTelemetryBean {

    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .build();

    @Produces
    @ApplicationScoped
    OpenTelemetry openTelemetry() {
        return sdk;
    }

    /** What the SDK measured so far (a method: the bean is reached through a client proxy). */
    public java.util.Collection<io.opentelemetry.sdk.metrics.data.MetricData> collectMetrics() {
        return metrics.collectAllMetrics();
    }

    @PreDestroy
    void close() {
        sdk.close();
    }
}
