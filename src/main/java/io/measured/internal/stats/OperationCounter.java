package io.measured.internal.stats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The cumulative counters of one operation, written by many threads; a writer never waits for
 * another.
 *
 * <p>Counts live in stripes (each a {@code long[]}: padding, an owner flag, sum of nanoseconds,
 * errors, the longest duration, the histogram cells of a {@link CellLayout}, which serve both the
 * configured buckets and the fine histogram, padding). A call's writer tries to own one of the
 * <em>owned</em> stripes with one compare-and-set of its flag; while it owns the stripe it is the
 * stripe's only writer, so it adds with plain reads and opaque stores, and it releases the flag.
 * Writers that find their stripe owned do not wait: they add atomically to the one
 * <em>shared</em> stripe, which nobody owns, and the next calls are spread over more owned
 * stripes. So a call costs one atomic instruction, as a {@code LongAdder}'s does, where adding
 * atomically to the sum and to a cell would cost two.
 *
 * <p>An operation starts with one owned stripe, about 2.6 KB; the shared one and more owned ones
 * (up to {@link Stripes#OWNED_MAX}) are added only when writers are seen to collide on it, so
 * memory follows contention, not the thread count or the processor count. Readers sum the stripes.
 * Invariants: every call adds 1 to exactly one cell of one stripe, so the cells' total is the call
 * count; each cell, sum and error count only grows, so a reader never sees a total go back. No
 * per-thread state: virtual threads cost what platform threads cost.
 */
public final class OperationCounter {

    private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle STRIPES = MethodHandles.arrayElementVarHandle(long[][].class);
    private static final double NANOS_PER_MS = 1_000_000.0;
    /** 128 bytes of padding on each side keeps stripes of different threads off shared cache lines. */
    private static final int PAD = 16;
    /** 1 while a writer owns the stripe, else 0; unused in the shared stripe. */
    private static final int OWNER = PAD;
    private static final int SUM = PAD + 1;
    private static final int ERRORS = PAD + 2;
    private static final int MAX_NANOS = PAD + 3;
    private static final int CELLS_START = PAD + 4;
    private static final int SHARED = Stripes.OWNED_MAX;

    private final int id;
    private final int type;
    private final String name;
    private final CellLayout layout;
    private final int stripeLength;
    /**
     * Owned stripes at {@code 0 .. OWNED_MAX - 1}, the shared one at {@link #SHARED}; null until
     * used. Invariant: the owned stripes below {@link #ownedInUse} exist before it is raised, so
     * writers read them plainly after reading it.
     */
    private final long[][] stripes = new long[Stripes.MAX][];
    /** Owned stripes in use: 1, widened by one on each seen collision up to {@link Stripes#OWNED_MAX}. */
    private volatile int ownedInUse = 1;
    /** How threads are dealt to owned stripes; changed on each seen collision, a lost change is harmless. */
    private int salt = Stripes.FIRST_SALT;

    OperationCounter(int id, int type, String name, CellLayout layout) {
        this.id = id;
        this.type = type;
        this.name = name;
        this.layout = layout;
        this.stripeLength = CELLS_START + layout.cells() + PAD;
        stripes[0] = new long[stripeLength];
    }

    /** How long an exemplar stays before a newer traced call of its bucket replaces it. */
    static final long EXEMPLAR_REFRESH_MILLIS = 1_000;
    private static final VarHandle EXEMPLARS = MethodHandles.arrayElementVarHandle(Exemplar[].class);
    /** Per configured bucket, a recent traced call; made by the first one, so untraced operations have none. */
    private volatile Exemplar[] exemplars;

    /**
     * Offers a traced call as its bucket's exemplar: it replaces one older than
     * {@link #EXEMPLAR_REFRESH_MILLIS}, so a bucket allocates at most one exemplar a second
     * however many traced calls land there. Thread-safe; never waits (racing offers may each
     * replace the exemplar; the last stays).
     */
    public void offerExemplar(long nanos, String traceId, String spanId, long epochMillis) {
        Exemplar[] held = exemplars;
        if (held == null) {
            held = new Exemplar[layout.bounds().size() + 1];
            exemplars = held; // a racing first array may be lost, and with it one exemplar
        }
        int bucket = layout.bucketOf(nanos);
        Exemplar current = (Exemplar) EXEMPLARS.getAcquire(held, bucket);
        if (current == null || epochMillis - current.epochMillis() >= EXEMPLAR_REFRESH_MILLIS) {
            EXEMPLARS.setRelease(held, bucket, new Exemplar(traceId, spanId, nanos, epochMillis));
        }
    }

    /** The exemplar of a configured bucket ({@code bounds().size()} is +Inf), or null. */
    public Exemplar exemplar(int bucket) {
        Exemplar[] held = exemplars;
        return held == null ? null : (Exemplar) EXEMPLARS.getAcquire(held, bucket);
    }

    /**
     * What another part of the library keeps per operation (its OpenTelemetry instrument), made
     * once on first need; a racing second one is equal and harmless. Bounded as operations are.
     */
    private volatile Object attachment;

    /** What was attached to this operation, or null. */
    public Object attachment() {
        return attachment;
    }

    /** Attaches something kept per operation; see {@link #attachment()}. */
    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    /**
     * Attaches the OpenTelemetry attributes this operation's calls are to be measured with, unless
     * something is attached already (its instrument, made by an earlier call, or an earlier
     * description). A racing first call may attach its instrument anyway; the attributes then wait
     * for the next operation of that name, which there is not: the description is best effort.
     */
    public void describe(String[] attributes) {
        if (attachment == null) {
            attachment = attributes;
        }
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
            count += STRIPES.getVolatile(stripes, s) == null ? 0 : 1;
        }
        return count;
    }

    /**
     * Counts one call. Thread-safe; never waits for another writer; allocates only when contention
     * adds a stripe.
     */
    public void record(long nanos, boolean error) {
        int inUse = ownedInUse;
        // Stripe 0 until a collision is seen: most operations' only one, found without the thread's id.
        long[] cells = stripes[inUse == 1 ? 0 : Stripes.owned(inUse, salt)];
        int cell = CELLS_START + layout.cellOf(nanos);
        if ((long) CELLS.compareAndExchangeAcquire(cells, OWNER, 0L, 1L) == 0L) {
            try {
                // The only writer until the release below, which hands these stores to the next owner.
                CELLS.setOpaque(cells, SUM, saturatedSum(cells[SUM], nanos));
                if (error) {
                    CELLS.setOpaque(cells, ERRORS, cells[ERRORS] + 1);
                }
                CELLS.setOpaque(cells, cell, cells[cell] + 1);
                if (nanos > cells[MAX_NANOS]) {
                    CELLS.setOpaque(cells, MAX_NANOS, nanos);
                }
            } finally {
                CELLS.setRelease(cells, OWNER, 0L);
            }
        } else {
            spread(inUse);
            addShared(cell, nanos, error);
        }
    }

    /** The shared stripe has no owner: every add there is atomic. */
    private void addShared(int cell, long nanos, boolean error) {
        long[] cells = stripe(SHARED);
        long before = (long) CELLS.getAndAdd(cells, SUM, nanos);
        if (before > Long.MAX_VALUE - nanos) {
            // A racing add that saw the wrapped value is overwritten here, so the stripe ends saturated.
            CELLS.setVolatile(cells, SUM, Long.MAX_VALUE);
        }
        if (error) {
            CELLS.getAndAdd(cells, ERRORS, 1L);
        }
        CELLS.getAndAdd(cells, cell, 1L);
        long max = (long) CELLS.getVolatile(cells, MAX_NANOS);
        while (nanos > max && !CELLS.weakCompareAndSet(cells, MAX_NANOS, max, nanos)) {
            max = (long) CELLS.getVolatile(cells, MAX_NANOS);
        }
    }

    /** Durations near 292 years would wrap the sum negative: it saturates instead. */
    private static long saturatedSum(long sum, long nanos) {
        return sum > Long.MAX_VALUE - nanos ? Long.MAX_VALUE : sum + nanos;
    }

    /**
     * After a collision: adds an owned stripe, up to {@link Stripes#OWNED_MAX}, and deals the
     * threads to stripes anew, so two threads that met on one stripe do not keep meeting there.
     */
    private void spread(int seen) {
        if (seen < Stripes.OWNED_MAX && ownedInUse == seen) {
            stripe(seen);
            ownedInUse = seen + 1;
        }
        salt = Stripes.nextSalt(salt);
    }

    /** The stripe at {@code index}, made by the first thread that needs it. */
    private long[] stripe(int index) {
        long[] cells = (long[]) STRIPES.getVolatile(stripes, index);
        if (cells == null) {
            STRIPES.compareAndSet(stripes, index, null, new long[stripeLength]);
            cells = (long[]) STRIPES.getVolatile(stripes, index);
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
            long[] cells = (long[]) STRIPES.getVolatile(stripes, s);
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

    /**
     * Adds this operation's totals into a zeroed row of an {@link OperationTable} at {@code at}:
     * calls, errors, sum and maximum, and cumulative counts per configured bucket; and its fine
     * histogram into {@code fine} ({@link LatencyHistogram#BUCKETS} entries, zeroed). Each stripe
     * is read once; while writers run, the fields may each reflect a slightly different moment.
     */
    void readInto(long[] row, int at, long[] fine) {
        int buckets = at + OperationTable.BUCKETS;
        int cellCount = layout.cells();
        int[] boundOf = layout.boundOfCells();
        int[] fineOf = layout.fineOfCells();
        long sum = 0;
        for (int s = 0; s < Stripes.MAX; s++) {
            long[] cells = (long[]) STRIPES.getVolatile(stripes, s);
            if (cells != null) {
                long stripeSum = (long) CELLS.getVolatile(cells, SUM);
                sum = sum > Long.MAX_VALUE - stripeSum ? Long.MAX_VALUE : sum + stripeSum;
                row[at + OperationTable.ERRORS] += (long) CELLS.getVolatile(cells, ERRORS);
                row[at + OperationTable.MAX_NANOS] = Math.max(row[at + OperationTable.MAX_NANOS],
                        (long) CELLS.getVolatile(cells, MAX_NANOS));
                // Opaque reads: each count whole and never older than one read before; a reader
                // needs no ordering among the cells, and most cells of an operation are empty.
                for (int c = 0; c < cellCount; c++) {
                    long count = (long) CELLS.getOpaque(cells, CELLS_START + c);
                    if (count != 0) {
                        row[buckets + boundOf[c]] += count;
                        fine[fineOf[c]] += count;
                    }
                }
            }
        }
        long calls = 0;
        for (int b = buckets, end = buckets + layout.bounds().size() + 1; b < end; b++) {
            calls += row[b];
            row[b] = calls;
        }
        row[at + OperationTable.CALLS] = calls;
        row[at + OperationTable.ERRORS] = Math.min(row[at + OperationTable.ERRORS], calls);
        row[at + OperationTable.SUM_NANOS] = sum;
    }

    /** Returns a snapshot; while writers run, its fields may each reflect a slightly different moment. */
    OperationSnapshot snapshot() {
        BucketBounds bounds = layout.bounds();
        long[] row = new long[OperationTable.BUCKETS + bounds.size() + 1];
        long[] fine = new long[LatencyHistogram.BUCKETS];
        readInto(row, 0, fine);
        long calls = row[OperationTable.CALLS];
        long max = row[OperationTable.MAX_NANOS];
        double[] upperBounds = new double[bounds.size() + 1];
        for (int i = 0; i <= bounds.size(); i++) {
            upperBounds[i] = i < bounds.size() ? bounds.seconds(i) : Double.POSITIVE_INFINITY;
        }
        double sumMs = row[OperationTable.SUM_NANOS] / NANOS_PER_MS;
        long[] p = LatencyHistogram.percentilesNanos(fine, calls, 50, 95, 99);
        return new OperationSnapshot(type, name, calls, row[OperationTable.ERRORS], sumMs,
                calls == 0 ? 0 : sumMs / calls, max / NANOS_PER_MS,
                Math.min(p[0], max) / NANOS_PER_MS, Math.min(p[1], max) / NANOS_PER_MS,
                Math.min(p[2], max) / NANOS_PER_MS, upperBounds,
                java.util.Arrays.copyOfRange(row, OperationTable.BUCKETS, row.length));
    }
}
