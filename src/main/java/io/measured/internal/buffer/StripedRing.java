package io.measured.internal.buffer;

import io.measured.Metric;
import io.measured.OperationType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The buffer of recent metrics as several {@link MetricRing} stripes, so threads recording at
 * once rarely touch the same cursor or cache line.
 *
 * <p>Each thread writes its records to the stripes in turn (round robin, starting at a stripe
 * picked by its id), and every stripe keeps {@code capacity / stripes} rows. So a single thread's
 * last {@code capacity} records are exactly what the stripes hold, and with several threads the
 * stripes hold about the last {@code capacity} records overall, never more. Reads merge the
 * stripes by the writer's {@code System.nanoTime()}, then by each thread's own sequence. The stripe
 * count divides the capacity; a capacity with no suitable divisor gets one stripe.
 */
public final class StripedRing {

    private static final Comparator<MetricRing.Row> ORDER = Comparator.comparingLong(MetricRing.Row::nanoTime)
            .thenComparingLong(MetricRing.Row::threadSequence);

    private final int capacity;
    private final MetricRing[] stripes;
    private final long processId;
    /** Per thread: [0] its next sequence. Holds only a JDK array, so no class loader is kept alive. */
    private final ThreadLocal<long[]> threadState = ThreadLocal.withInitial(() -> new long[1]);

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
        int stripe = (int) ((Thread.currentThread().getId() + sequence) % stripes.length);
        stripes[stripe].add(type, name, epochMilli, nanoTime, sequence, durationMs, metadata);
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

    /** Visits type and duration of every row held now, in no particular order. */
    void visit(MetricRing.DurationVisitor visitor) {
        for (MetricRing stripe : stripes) {
            stripe.visit(visitor);
        }
    }

    /** Empties every stripe. */
    public void clear() {
        for (MetricRing stripe : stripes) {
            stripe.clear();
        }
    }
}
