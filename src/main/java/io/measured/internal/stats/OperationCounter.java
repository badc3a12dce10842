package io.measured.internal.stats;

import io.measured.OperationStats;
import io.measured.OperationType;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** The cumulative counters of one operation; updated by many threads without a lock. */
final class OperationCounter {

    private static final double NANOS_PER_MS = 1_000_000.0;

    private final OperationType type;
    private final String name;
    private final LongAdder count = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder sumNanos = new LongAdder();
    private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);
    private final LatencyHistogram histogram = new LatencyHistogram();

    OperationCounter(OperationType type, String name) {
        this.type = type;
        this.name = name;
    }

    void record(long nanos, boolean error) {
        count.increment();
        if (error) {
            errors.increment();
        }
        sumNanos.add(nanos);
        maxNanos.accumulate(nanos);
        histogram.record(nanos);
    }

    /** Returns a snapshot; while writers run, its fields may each reflect a slightly different moment. */
    OperationStats snapshot() {
        long calls = count.sum();
        long max = maxNanos.get();
        double sumMs = sumNanos.sum() / NANOS_PER_MS;
        return new OperationStats(type, name, calls, Math.min(errors.sum(), calls), sumMs,
                calls == 0 ? 0 : sumMs / calls, max / NANOS_PER_MS,
                percentile(50, max), percentile(95, max), percentile(99, max));
    }

    private double percentile(double percent, long maxNanos) {
        return Math.min(histogram.percentileNanos(percent), maxNanos) / NANOS_PER_MS;
    }
}
