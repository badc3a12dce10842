package io.measured.internal.buffer;

import io.measured.Metric;
import io.measured.OperationType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The buffer of recent metrics as several {@link MetricRing} stripes, so threads recording at
 * once rarely touch the same cursor or cache line.
 *
 * <p>Every stripe keeps {@code run = capacity / stripes} rows. Each thread writes runs of up to
 * {@code run} records to one stripe; every run takes the next stripe from a counter shared by all
 * threads, so threads recording at the same pace never share a stripe. A run ends early when its
 * thread sees that another thread wrote the stripe too (its stripe sequence jumped), so writers
 * that met separate at once instead of contending on every row. A single thread alone cycles
 * through the stripes in order, so its last {@code capacity} records are exactly what the stripes
 * hold (its current partial run, the full runs before it, and the newest rows of the run one lap
 * back, which its stripe still holds); with several threads the stripes hold about the last
 * {@code capacity} records overall, never more. Reads merge the stripes by the writer's
 * {@code System.nanoTime()}, then by each thread's own sequence. The stripe count divides the
 * capacity; a capacity with no suitable divisor gets one stripe.
 */
public final class StripedRing {

    private static final Comparator<MetricRing.Row> ORDER = Comparator.comparingLong(MetricRing.Row::nanoTime)
            .thenComparingLong(MetricRing.Row::threadSequence);

    private final int capacity;
    private final MetricRing[] stripes;
    private final long processId;
    private final int run;
    private final AtomicInteger nextRunStripe = new AtomicInteger();
    /**
     * Per thread: its next sequence, its stripe, records left in its run, and the stripe sequence
     * its next write takes if no other thread writes the stripe meanwhile (-1: unknown). Holds only
     * a JDK array, so no class loader is kept alive by a pooled thread.
     */
    private final ThreadLocal<long[]> threadState = ThreadLocal.withInitial(() -> new long[4]);
    private static final int SEQUENCE = 0;
    private static final int STRIPE = 1;
    private static final int LEFT = 2;
    private static final int EXPECTED = 3;

    /**
     * @param capacity the most rows held; {@code >= 1}
     * @param maxStripes a power of two; the stripe count is the largest power of two up to it that
     *        divides the capacity
     */
    public StripedRing(int capacity, int maxStripes, long processId) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        int count = Math.max(1, maxStripes);
        while (count > 1 && capacity % count != 0) {
            count >>= 1;
        }
        this.capacity = capacity;
        this.processId = processId;
        this.stripes = new MetricRing[count];
        this.run = capacity / count;
        for (int i = 0; i < count; i++) {
            stripes[i] = new MetricRing(capacity / count, processId);
        }
    }

    public int capacity() {
        return capacity;
    }

    int stripeCount() {
        return stripes.length;
    }

    /** Rows held now (at most {@link #capacity()}). */
    public int size() {
        int size = 0;
        for (MetricRing stripe : stripes) {
            size += stripe.size();
        }
        return size;
    }

    /** Adds a row. Thread-safe, lock-free, allocation-free once the thread has recorded before. */
    public void add(OperationType type, String name, long epochMilli, long nanoTime, double durationMs,
            Map<String, String> metadata) {
        long[] state = threadState.get();
        long sequence = state[SEQUENCE]++;
        if (state[LEFT] == 0) {
            startRun(state);
        }
        state[LEFT]--;
        long taken = stripes[(int) state[STRIPE]].add(type, name, epochMilli, nanoTime, sequence, durationMs, metadata);
        if (taken != state[EXPECTED] && state[EXPECTED] >= 0 && stripes.length > 1) {
            // Another thread wrote this stripe since our last row: two writers share it and would
            // contend on every row, so this run ends early.
            state[LEFT] = 0;
        } else {
            state[EXPECTED] = taken + 1;
        }
    }

    /**
     * Runs take stripes in turn from one counter shared by all threads (one increment per run), so
     * threads recording at the same pace never share a stripe, and a thread alone cycles through
     * the stripes in order.
     */
    private void startRun(long[] state) {
        state[STRIPE] = Math.floorMod(nextRunStripe.getAndIncrement(), stripes.length);
        state[LEFT] = run;
        state[EXPECTED] = -1;
    }

    /** The metrics held now, oldest first. */
    public List<Metric> snapshot() {
        List<MetricRing.Row> rows = new ArrayList<>(capacity);
        for (MetricRing stripe : stripes) {
            stripe.collect(rows);
        }
        if (stripes.length > 1) {
            rows.sort(ORDER);
        }
        List<Metric> metrics = new ArrayList<>(rows.size());
        for (MetricRing.Row row : rows) {
            metrics.add(row.toMetric(processId));
        }
        return metrics;
    }

    /** The stripes, for incremental statistics; never written through this. */
    MetricRing[] stripes() {
        return stripes;
    }

    /** Empties every stripe. */
    public void clear() {
        for (MetricRing stripe : stripes) {
            stripe.clear();
        }
    }
}
