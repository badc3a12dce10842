package io.measured.bench;

import com.codahale.metrics.MetricRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.LongAdder;

/** The peers' timers, set up the way their users typically do for latency percentiles. */
final class Peers {

    static final LongAdder FLOOR = new LongAdder();

    static final Timer MICROMETER = Timer.builder("bench.call")
            .publishPercentiles(0.5, 0.95, 0.99)
            .publishPercentileHistogram()
            .register(new SimpleMeterRegistry());

    static final com.codahale.metrics.Timer DROPWIZARD = new MetricRegistry().timer("bench.call");

    private Peers() {
    }
}
