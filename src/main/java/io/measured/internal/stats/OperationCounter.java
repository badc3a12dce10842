package io.measured.internal.stats;

import io.measured.HistogramBucket;
import io.measured.OperationStats;
import io.measured.OperationType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The cumulative counters of one operation, written by many threads without a shared hot cell:
 * each thread adds into its stripe (see {@link Stripes}), readers sum the stripes.
 *
 * <p>Stripe layout (one {@code long[]}): padding, sum of nanoseconds, errors, the configured
 * buckets' own (not cumulative) counts with +Inf last, the fine log-linear histogram, padding.
 * Invariant: every call adds 1 to exactly one configured bucket and one fine bucket, so the
 * configured buckets' total is the call count.
 */
public final class OperationCounter {

    private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final double NANOS_PER_MS = 1_000_000.0;
    /** 128 bytes of padding on each side keeps stripes of different threads off shared cache lines. */
    private static final int PAD = 16;
    private static final int SUM = PAD;
    private static final int ERRORS = PAD + 1;
    private static final int BUCKETS = PAD + 2;

    private final OperationType type;
    private final String name;
    private final BucketBounds bounds;
    private final int fineStart;
    private final int stripeLength;
    private final AtomicReferenceArray<long[]> stripes = new AtomicReferenceArray<>(Stripes.COUNT);
    private final AtomicLong maxNanos = new AtomicLong();

    OperationCounter(OperationType type, String name, BucketBounds bounds) {
        this.type = type;
        this.name = name;
        this.bounds = bounds;
        this.fineStart = BUCKETS + bounds.size() + 1;
        this.stripeLength = fineStart + LatencyHistogram.BUCKETS + PAD;
    }

    /** Counts one call. Thread-safe, lock-free, allocation-free once the thread's stripe exists. */
    public void record(long nanos, boolean error) {
        long[] cells = stripe();
        CELLS.getAndAdd(cells, SUM, nanos);
        if (error) {
            CELLS.getAndAdd(cells, ERRORS, 1L);
        }
        CELLS.getAndAdd(cells, BUCKETS + bounds.bucketOf(nanos), 1L);
        CELLS.getAndAdd(cells, fineStart + LatencyHistogram.indexOf(nanos / 1_000), 1L);
        long max = maxNanos.get();
        while (nanos > max && !maxNanos.compareAndSet(max, nanos)) {
            max = maxNanos.get();
        }
    }

    private long[] stripe() {
        int index = Stripes.current();
        long[] cells = stripes.get(index);
        if (cells == null) {
            stripes.compareAndSet(index, null, new long[stripeLength]);
            cells = stripes.get(index);
        }
        return cells;
    }

    /** Returns a snapshot; while writers run, its fields may each reflect a slightly different moment. */
    OperationStats snapshot() {
        long[] totals = new long[stripeLength];
        for (int s = 0; s < Stripes.COUNT; s++) {
            long[] cells = stripes.get(s);
            if (cells != null) {
                for (int i = SUM; i < fineStart + LatencyHistogram.BUCKETS; i++) {
                    totals[i] += (long) CELLS.getVolatile(cells, i);
                }
            }
        }
        List<HistogramBucket> buckets = new ArrayList<>(bounds.size() + 1);
        long calls = 0;
        for (int i = 0; i <= bounds.size(); i++) {
            calls += totals[BUCKETS + i];
            buckets.add(new HistogramBucket(i < bounds.size() ? bounds.seconds(i) : Double.POSITIVE_INFINITY, calls));
        }
        long max = maxNanos.get();
        double sumMs = totals[SUM] / NANOS_PER_MS;
        return new OperationStats(type, name, calls, Math.min(totals[ERRORS], calls), sumMs,
                calls == 0 ? 0 : sumMs / calls, max / NANOS_PER_MS,
                percentile(totals, 50, max), percentile(totals, 95, max), percentile(totals, 99, max), buckets);
    }

    private double percentile(long[] totals, double percent, long maxNanos) {
        return Math.min(LatencyHistogram.percentileNanos(totals, fineStart, percent), maxNanos) / NANOS_PER_MS;
    }
}
