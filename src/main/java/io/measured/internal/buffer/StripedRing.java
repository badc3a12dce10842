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
 * <p>Every stripe keeps {@code run = capacity / stripes} rows. Each thread writes runs of
 * {@code run} records to one stripe, then moves to the next (threads take their starting stripes
 * in turn), so two threads rarely write the same stripe at once. A single thread's last
 * {@code capacity} records are then exactly what the stripes hold (its current partial run, the
 * full runs before it, and the newest rows of the run one lap back, which its stripe still holds);
 * with several threads the stripes hold about the last {@code capacity} records overall, never
 * more. Reads merge the
 * stripes by the writer's {@code System.nanoTime()}, then by each thread's own sequence. The stripe
 * count divides the capacity; a capacity with no suitable divisor gets one stripe.
 */
public final class StripedRing {

    private static final Comparator<MetricRing.Row> ORDER = Comparator.comparingLong(MetricRing.Row::nanoTime)
            .thenComparingLong(MetricRing.Row::threadSequence);

    private final int capacity;
    private final MetricRing[] stripes;
    private final long processId;
    private final int run;
    private final AtomicInteger nextStart = new AtomicInteger();
    /**
     * Per thread: its next sequence, its stripe, records left in its run. Holds only a JDK array,
     * so no class loader is kept alive by a pooled thread.
     */
    private final ThreadLocal<long[]> threadState = ThreadLocal.withInitial(() -> new long[3]);

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
        long sequence = state[0]++;
        if (sequence == 0) {
            // Threads take starting stripes in turn, so the first threads to record never share one.
            state[1] = Math.floorMod(nextStart.getAndIncrement(), stripes.length);
            state[2] = run;
        } else if (state[2] == 0) {
            state[1] = (state[1] + 1) % stripes.length;
            state[2] = run;
        }
        state[2]--;
        stripes[(int) state[1]].add(type, name, epochMilli, nanoTime, sequence, durationMs, metadata);
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
