package io.measured.internal.buffer;

import io.measured.Metric;
import io.measured.internal.stats.OperationRegistry;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The buffer of recent metrics as several {@link MetricRing} stripes, so threads recording at
 * once rarely touch the same cursor or cache line.
 *
 * <p>Every stripe keeps {@code run = capacity / stripes} rows. Each thread writes runs of up to
 * {@code run} records to one stripe, and starts each run in the next stripe that is free for it:
 * one where its own run was the last started, or none was, or that nobody wrote for
 * {@link #IDLE_NANOS}, or that nobody wrote since this thread last passed it over; when none is,
 * it takes the next stripe. So writers that record at once settle on stripes of their own, and a
 * stripe's cache lines stay with one core instead of following a rotation from core to core. A
 * thread alone finds every stripe free one run after the others stop, cycles through the stripes
 * in order, and from then on its last {@code capacity} records are exactly what the stripes hold
 * (its current partial run, the full runs before it, and the newest rows of the run one lap back,
 * which its stripe still holds). With several threads the stripes hold about the last
 * {@code capacity} records overall, never more. A run also ends early when its thread sees that
 * another thread wrote its stripe too (the stripe sequence jumped), so writers forced to share
 * separate at once instead of contending on every row. Reads merge the stripes by the writer's
 * {@code System.nanoTime()}, then by each thread's own sequence. The stripe count divides the
 * capacity; a capacity with no suitable divisor gets one stripe.
 *
 * <p>A thread's run state lives in a lane of one array, found from its thread id, rather than in a
 * {@code ThreadLocal}, whose lookup costs more than the row write. A lane belongs to one thread
 * id at a time; a thread whose lane another thread wrote within {@link #IDLE_NANOS} keeps its
 * state in a {@code ThreadLocal} instead, and takes the lane over once it has been idle that
 * long. Lane state is only advice on where to write: if two threads ever update one lane at once
 * (a takeover racing with its old owner), rows still go whole into some stripe, at worst in a run
 * of another length or with a thread sequence seen twice, which only orders rows of equal
 * nanoTime.
 */
public final class StripedRing {

    private static final Comparator<MetricRing.Row> ORDER = Comparator.comparingLong(MetricRing.Row::nanoTime)
            .thenComparingLong(MetricRing.Row::threadSequence);
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    /*
     * Lane fields: owner (thread id + 1, 0 for none), next thread sequence, stripe, rows left in
     * the run, the stripe sequence the next write takes if no other thread writes the stripe
     * meanwhile (-1: unknown), the nanoTime of the lane's last write, and per stripe the sequence
     * its next write would have taken when this lane last passed it over.
     */
    private static final int OWNER = 0;
    private static final int SEQUENCE = 1;
    private static final int STRIPE = 2;
    private static final int LEFT = 3;
    private static final int EXPECTED = 4;
    private static final int LAST_WRITE = 5;
    private static final int PASSED_OVER = 6;
    /** Lanes are whole multiples of 128 bytes, so lanes of different threads never share a cache line. */
    private static final int LANE_ALIGN = 16;
    private static final int LANES = 64;
    /** How long a lane or stripe must go unwritten before another thread takes it over. */
    static final long IDLE_NANOS = 10_000_000L;

    private final int capacity;
    private final MetricRing[] stripes;
    private final long processId;
    private final OperationRegistry operations;
    private final int run;
    private final int laneStride;
    private final long[] lanes;
    /** For threads whose lane is taken. Holds only a JDK array, so a pooled thread keeps no class loader alive. */
    private final ThreadLocal<long[]> spareLane;

    /**
     * @param capacity the most rows held; {@code >= 1}
     * @param maxStripes a power of two; the stripe count is the largest power of two up to it that
     *        divides the capacity
     * @param operations the registry whose ids the rows' codes hold
     */
    public StripedRing(int capacity, int maxStripes, long processId, OperationRegistry operations) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        int count = Math.max(1, maxStripes);
        while (count > 1 && capacity % count != 0) {
            count >>= 1;
        }
        this.capacity = capacity;
        this.processId = processId;
        this.operations = operations;
        this.stripes = new MetricRing[count];
        this.run = capacity / count;
        for (int i = 0; i < count; i++) {
            stripes[i] = new MetricRing(capacity / count);
        }
        this.laneStride = (PASSED_OVER + count + LANE_ALIGN - 1) / LANE_ALIGN * LANE_ALIGN;
        this.lanes = new long[(LANES + 1) * laneStride];
        int spareLength = laneStride;
        this.spareLane = ThreadLocal.withInitial(() -> new long[spareLength]);
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

    /**
     * Adds a row. Thread-safe, lock-free, allocation-free once the thread has recorded before.
     *
     * @param code the row's {@link RowCode}, its operation id from this ring's registry
     * @param extra what the code says the row holds by reference, else null
     * @param nanoTime the writer's {@code System.nanoTime()} at the end of the call
     */
    public void add(long code, Object extra, long epochMilli, long nanoTime, double durationMs) {
        long owner = Thread.currentThread().getId() + 1;
        long[] state = lanes;
        // Lane 0 is left empty: it would share cache lines with the array's header.
        int base = (1 + ((int) owner & (LANES - 1))) * laneStride;
        if (state[base + OWNER] != owner && !claim(base, owner, nanoTime)) {
            state = spareLane.get();
            base = 0;
        }
        state[base + LAST_WRITE] = nanoTime;
        long sequence = state[base + SEQUENCE]++;
        if (state[base + LEFT] <= 0) {
            startRun(state, base, owner, nanoTime);
        }
        state[base + LEFT]--;
        long expected = state[base + EXPECTED];
        long taken = stripes[(int) state[base + STRIPE]].add(code, extra, epochMilli, nanoTime, sequence, durationMs);
        if (taken != expected && expected >= 0 && stripes.length > 1) {
            // Another thread wrote this stripe since our last row: two writers share it and would
            // contend on every row, so this run ends early.
            state[base + LEFT] = 0;
        } else {
            state[base + EXPECTED] = taken + 1;
        }
    }

    /** Takes the lane at {@code base} for {@code owner} if it is free or its owner has been idle. */
    private boolean claim(int base, long owner, long nanoTime) {
        long current = (long) LONGS.getVolatile(lanes, base + OWNER);
        if (current != 0 && nanoTime - lanes[base + LAST_WRITE] < IDLE_NANOS) {
            return false;
        }
        if (!LONGS.compareAndSet(lanes, base + OWNER, current, owner)) {
            return false;
        }
        lanes[base + LEFT] = 0;
        lanes[base + STRIPE] = owner & (stripes.length - 1); // threads with consecutive ids start apart
        return true;
    }

    /**
     * Starts a run in the next stripe free for {@code owner}, or in the next stripe when none is
     * (staying would keep two writers on a stripe they share).
     * A stripe is free when its last run was the thread's own, or none was started, or nobody wrote
     * it for {@link #IDLE_NANOS}, or nobody wrote it since this thread last passed it over: so a
     * thread left alone goes back to cycling through every stripe one run after the others stop,
     * whatever nanoTimes its callers pass, while stripes that others keep writing stay theirs.
     */
    private void startRun(long[] state, int base, long owner, long nanoTime) {
        int mask = stripes.length - 1;
        int current = (int) state[base + STRIPE];
        int chosen = (current + 1) & mask;
        for (int step = 1; step <= stripes.length; step++) {
            int candidate = (current + step) & mask;
            MetricRing stripe = stripes[candidate];
            if (stripe.freeFor(owner, nanoTime, IDLE_NANOS)) {
                chosen = candidate;
                break;
            }
            long end = stripe.end();
            if (state[base + PASSED_OVER + candidate] == end) {
                chosen = candidate;
                break;
            }
            state[base + PASSED_OVER + candidate] = end;
        }
        stripes[chosen].startRun(owner);
        state[base + STRIPE] = chosen;
        state[base + LEFT] = run;
        state[base + EXPECTED] = -1;
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
            metrics.add(RowCode.toMetric(row, operations, processId));
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
