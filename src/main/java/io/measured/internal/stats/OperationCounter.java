package io.measured.internal.stats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The cumulative counters of one operation, written by many threads without a lock.
 *
 * <p>Counts live in stripes (each a {@code long[]}: padding, sum of nanoseconds, errors, the
 * histogram cells of a {@link CellLayout}, which serve both the configured buckets and the fine
 * histogram, padding). An operation starts with one stripe, about 2.6 KB, and gains more only when
 * writers are seen to collide on it (a failed compare-and-set of the sum), up to
 * {@link Stripes#MAX}: memory follows contention, not the thread count or the processor count.
 * Readers sum the stripes. Invariant: every call adds 1 to exactly one cell of one stripe, so the
 * cells' total is the call count. No per-thread state: virtual threads cost what platform threads
 * cost.
 */
public final class OperationCounter {

    private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final double NANOS_PER_MS = 1_000_000.0;
    /** 128 bytes of padding on each side keeps stripes of different threads off shared cache lines. */
    private static final int PAD = 16;
    private static final int SUM = PAD;
    private static final int ERRORS = PAD + 1;
    private static final int CELLS_START = PAD + 2;

    private final int id;
    private final int type;
    private final String name;
    private final CellLayout layout;
    private final int stripeLength;
    private final AtomicReferenceArray<long[]> stripes = new AtomicReferenceArray<>(Stripes.MAX);
    /** Stripes in use minus one: 0, then widened to {@code 2^k - 1} on contention. */
    private volatile int mask;
    private final AtomicLong maxNanos = new AtomicLong();

    OperationCounter(int id, int type, String name, CellLayout layout) {
        this.id = id;
        this.type = type;
        this.name = name;
        this.layout = layout;
        this.stripeLength = CELLS_START + layout.cells() + PAD;
        stripes.set(0, new long[stripeLength]);
    }

    /** This operation's id in its registry: {@code >= 0}, unique, never reused. */
    public int id() {
        return id;
    }

    /** The ordinal of the operation type its calls are counted under. */
    public int type() {
        return type;
    }

    /** The name calls are counted under (the overflow name for calls beyond the operation cap). */
    public String name() {
        return name;
    }

    /** Stripes allocated so far: {@code 1 .. Stripes.MAX}. */
    int stripeCount() {
        int count = 0;
        for (int s = 0; s < Stripes.MAX; s++) {
            count += stripes.get(s) == null ? 0 : 1;
        }
        return count;
    }

    /** Counts one call. Thread-safe, lock-free; allocates only when contention adds a stripe. */
    public void record(long nanos, boolean error) {
        int currentMask = mask;
        long[] cells = stripe(Stripes.current() & currentMask);
        long before = (long) CELLS.getVolatile(cells, SUM);
        if (!CELLS.compareAndSet(cells, SUM, before, saturatedSum(before, nanos))) {
            widen(currentMask);
            addToSum(cells, nanos);
        }
        if (error) {
            CELLS.getAndAdd(cells, ERRORS, 1L);
        }
        CELLS.getAndAdd(cells, CELLS_START + layout.cellOf(nanos), 1L);
        long max = maxNanos.get();
        while (nanos > max && !maxNanos.compareAndSet(max, nanos)) {
            max = maxNanos.get();
        }
    }

    /** Durations near 292 years would wrap the sum negative: it saturates instead. */
    private static long saturatedSum(long sum, long nanos) {
        return sum > Long.MAX_VALUE - nanos ? Long.MAX_VALUE : sum + nanos;
    }

    private static void addToSum(long[] cells, long nanos) {
        long before = (long) CELLS.getAndAdd(cells, SUM, nanos);
        if (before > Long.MAX_VALUE - nanos) {
            // A racing add that saw the wrapped value is overwritten here, so the stripe ends saturated.
            CELLS.setVolatile(cells, SUM, Long.MAX_VALUE);
        }
    }

    /** Doubles the stripes in use after a collision, up to {@link Stripes#MAX}; a lost race is harmless. */
    private void widen(int seenMask) {
        if (seenMask < Stripes.MAX - 1 && mask == seenMask) {
            mask = seenMask * 2 + 1;
        }
    }

    private long[] stripe(int index) {
        long[] cells = stripes.get(index);
        if (cells == null) {
            stripes.compareAndSet(index, null, new long[stripeLength]);
            cells = stripes.get(index);
        }
        return cells;
    }

    /**
     * Adds this operation's totals into {@code totals}: {@code [0]} calls, {@code [1]} errors,
     * {@code [2]} sum of nanoseconds, then the fine {@link LatencyHistogram} buckets from index 3.
     * Confined to the caller; reads the stripes as {@link #snapshot} does.
     */
    void addTo(long[] totals) {
        int cellCount = layout.cells();
        for (int s = 0; s < Stripes.MAX; s++) {
            long[] cells = stripes.get(s);
            if (cells != null) {
                totals[2] += (long) CELLS.getVolatile(cells, SUM);
                long errors = (long) CELLS.getVolatile(cells, ERRORS);
                long calls = 0;
                for (int c = 0; c < cellCount; c++) {
                    long count = (long) CELLS.getVolatile(cells, CELLS_START + c);
                    totals[3 + layout.fineOf(c)] += count;
                    calls += count;
                }
                totals[0] += calls;
                totals[1] += Math.min(errors, calls);
            }
        }
    }

    /** Returns a snapshot; while writers run, its fields may each reflect a slightly different moment. */
    OperationSnapshot snapshot() {
        long sum = 0;
        long errors = 0;
        BucketBounds bounds = layout.bounds();
        long[] bucketCounts = new long[bounds.size() + 1];
        long[] fine = new long[LatencyHistogram.BUCKETS];
        int cellCount = layout.cells();
        for (int s = 0; s < Stripes.MAX; s++) {
            long[] cells = stripes.get(s);
            if (cells != null) {
                long stripeSum = (long) CELLS.getVolatile(cells, SUM);
                sum = sum > Long.MAX_VALUE - stripeSum ? Long.MAX_VALUE : sum + stripeSum;
                errors += (long) CELLS.getVolatile(cells, ERRORS);
                for (int c = 0; c < cellCount; c++) {
                    long count = (long) CELLS.getVolatile(cells, CELLS_START + c);
                    bucketCounts[layout.boundOf(c)] += count;
                    fine[layout.fineOf(c)] += count;
                }
            }
        }
        double[] upperBounds = new double[bounds.size() + 1];
        long[] cumulative = new long[bounds.size() + 1];
        long calls = 0;
        for (int i = 0; i <= bounds.size(); i++) {
            calls += bucketCounts[i];
            upperBounds[i] = i < bounds.size() ? bounds.seconds(i) : Double.POSITIVE_INFINITY;
            cumulative[i] = calls;
        }
        long max = maxNanos.get();
        double sumMs = sum / NANOS_PER_MS;
        long[] p = LatencyHistogram.percentilesNanos(fine, calls, 50, 95, 99);
        return new OperationSnapshot(type, name, calls, Math.min(errors, calls), sumMs,
                calls == 0 ? 0 : sumMs / calls, max / NANOS_PER_MS,
                Math.min(p[0], max) / NANOS_PER_MS, Math.min(p[1], max) / NANOS_PER_MS,
                Math.min(p[2], max) / NANOS_PER_MS, upperBounds, cumulative);
    }
}
