package io.measured.bench;

import com.codahale.metrics.MetricRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** The peers' timers, set up the way their users typically do for latency percentiles. */
final class Peers {

    static final LongAdder FLOOR = new LongAdder();

    static final Timer MICROMETER = Timer.builder("bench.call")
            .publishPercentiles(0.5, 0.95, 0.99)
            .publishPercentileHistogram()
            .register(new SimpleMeterRegistry());

    static final com.codahale.metrics.Timer DROPWIZARD = new MetricRegistry().timer("bench.call");

    /**
     * An OpenTelemetry SDK with a metric reader that is never read (no export work during a run),
     * as the application's: the bridge of {@code @Measured} and {@link OtelInterceptor} record into it.
     */
    static final OpenTelemetry OTEL = OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(InMemoryMetricReader.create()).build())
            .build();

    /** The histogram a hand-written interceptor records into, with measured's default buckets as advice. */
    static final DoubleHistogram OTEL_HISTOGRAM = OTEL.getMeter("bench").histogramBuilder("bench.call.duration")
            .setUnit("s")
            .setExplicitBucketBoundariesAdvice(List.of(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                    1.0, 2.5, 5.0, 10.0, 30.0))
            .build();

    /** Built once, as the bridge builds its attributes once per operation. */
    static final Attributes OTEL_ATTRIBUTES = Attributes.of(AttributeKey.stringKey("measured.operation.type"), "database",
            AttributeKey.stringKey("measured.operation.name"), "Timed.compute");

    private Peers() {
    }
}
