package io.measured.internal.stats;

import io.measured.HistogramBucket;
import io.measured.OperationStats;
import io.measured.OperationType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** The cumulative counters of one operation; updated by many threads without a lock. */
final class OperationCounter {

    private static final double NANOS_PER_MS = 1_000_000.0;

    private final OperationType type;
    private final String name;
    private final LongAdder errors = new LongAdder();
    private final LongAdder sumNanos = new LongAdder();
    private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);
    private final LatencyHistogram histogram = new LatencyHistogram();
    private final BucketBounds bounds;
    /** Per-bucket (not cumulative) counts; their total is the call count, so the two always agree. */
    private final AtomicLongArray bucketCounts;

    OperationCounter(OperationType type, String name, BucketBounds bounds) {
        this.type = type;
        this.name = name;
        this.bounds = bounds;
        this.bucketCounts = new AtomicLongArray(bounds.size() + 1);
    }

    void record(long nanos, boolean error) {
        bucketCounts.incrementAndGet(bounds.bucketOf(nanos));
        if (error) {
            errors.increment();
        }
        sumNanos.add(nanos);
        maxNanos.accumulate(nanos);
        histogram.record(nanos);
    }

    /** Returns a snapshot; while writers run, its fields may each reflect a slightly different moment. */
    OperationStats snapshot() {
        List<HistogramBucket> buckets = new ArrayList<>(bounds.size() + 1);
        long calls = 0;
        for (int i = 0; i <= bounds.size(); i++) {
            calls += bucketCounts.get(i);
            buckets.add(new HistogramBucket(i < bounds.size() ? bounds.seconds(i) : Double.POSITIVE_INFINITY, calls));
        }
        long max = maxNanos.get();
        double sumMs = sumNanos.sum() / NANOS_PER_MS;
        return new OperationStats(type, name, calls, Math.min(errors.sum(), calls), sumMs,
                calls == 0 ? 0 : sumMs / calls, max / NANOS_PER_MS,
                percentile(50, max), percentile(95, max), percentile(99, max), buckets);
    }

    private double percentile(double percent, long maxNanos) {
        return Math.min(histogram.percentileNanos(percent), maxNanos) / NANOS_PER_MS;
    }
}
