package io.measured.internal.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bounded ring of the last {@code capacity} rows, written without a lock and without
 * allocating. One stripe of a {@link StripedRing}.
 *
 * <p>A row is six consecutive longs of one array (stamp, {@link RowCode code}, epoch millisecond,
 * nanoTime, the writer's per-thread sequence, duration bits) plus one reference slot that is null
 * unless the row has metadata or a name of its own ({@link RowCode}). Rows hold no reference in
 * the common case because a reference store into a long-lived array costs the collector's write
 * barrier, several times the cost of a primitive store; and one array keeps a row on one or two
 * cache lines.
 *
 * <p>Each write takes a unique sequence number {@code s} and owns slot {@code s % capacity}
 * while it writes: the slot's stamp goes from the old sequence + 1 to {@link #WRITING} (by CAS),
 * then the row is written, then the stamp becomes {@code s + 1}. Invariants: a stamp only ever
 * grows except while being written or cleared; a slow writer never overwrites a newer row (it
 * drops its own, which can only happen when the ring laps during its write); a reader keeps a row
 * only if the stamp is the same before and after reading it, so it never sees a torn row.
 */
public final class MetricRing {

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final long WRITING = -1;
    private static final int MAX_SPINS = 10_000;

    static final int STRIDE = 6;
    /** The most rows one ring holds: its longs fill one array. */
    public static final int MAX_CAPACITY = Integer.MAX_VALUE / STRIDE;
    // A row's stamp is its first long, at the row's base index.
    private static final int CODE = 1;
    private static final int EPOCH_MILLI = 2;
    private static final int NANO_TIME = 3;
    private static final int THREAD_SEQUENCE = 4;
    private static final int DURATION = 5;

    private final int capacity;
    private final long[] rows;
    private final Object[] extras;
    /**
     * The cursor, the owner of the last run started here and the nanoTime of the last write live
     * together in the middle of 16 longs: the writer touches one cache line it already holds, and
     * no other ring's cursor shares it.
     */
    private final AtomicLongArray cursor = new AtomicLongArray(16);
    private static final int CURSOR = 8;
    private static final int RUN_OWNER = 9;
    private static final int LAST_WRITE = 10;
    private volatile long clearedBefore;

    /**
     * Creates an empty ring.
     *
     * @param capacity how many rows it keeps; {@code 1 ..} {@link #MAX_CAPACITY}
     */
    public MetricRing(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be within 1 .. " + MAX_CAPACITY + ", was " + capacity);
        }
        this.capacity = capacity;
        this.rows = new long[capacity * STRIDE];
        this.extras = new Object[capacity];
    }

    /** Returns how many rows the ring keeps at most. */
    public int capacity() {
        return capacity;
    }

    /** Returns how many rows a snapshot taken now would hold (at most), without taking one. */
    public int size() {
        long end = cursor.get(CURSOR);
        return (int) Math.max(0, end - Math.max(clearedBefore, end - capacity));
    }

    /**
     * Adds a row, evicting the oldest one when the ring is full. Thread-safe, lock-free,
     * allocation-free.
     *
     * @param code the row's {@link RowCode}
     * @param extra what the code says the row holds by reference, else null
     * @return the sequence the write took (one more than the previous write's, unless another
     *         thread wrote in between)
     */
    public long add(long code, Object extra, long epochMilli, long nanoTime, long threadSequence, double durationMs) {
        long sequence = cursor.getAndIncrement(CURSOR);
        cursor.setPlain(LAST_WRITE, nanoTime);
        int index = (int) (sequence % capacity);
        int base = index * STRIDE;
        long stamp = (long) LONGS.getVolatile(rows, base);
        int spins = 0;
        while (true) {
            if (stamp == WRITING) {
                if (++spins > MAX_SPINS) {
                    return sequence; // the slot's writer was preempted; dropping one row beats waiting on it
                }
                Thread.onSpinWait();
                stamp = (long) LONGS.getVolatile(rows, base);
                continue;
            }
            if (stamp > sequence) {
                return sequence; // lapped while we waited: a newer row owns the slot
            }
            if (LONGS.compareAndSet(rows, base, stamp, WRITING)) {
                break;
            }
            stamp = (long) LONGS.getVolatile(rows, base);
        }
        rows[base + CODE] = code;
        rows[base + EPOCH_MILLI] = epochMilli;
        rows[base + NANO_TIME] = nanoTime;
        rows[base + THREAD_SEQUENCE] = threadSequence;
        rows[base + DURATION] = Double.doubleToRawLongBits(durationMs);
        // Loaded first so the common row (no extra, none left by the slot's previous row) stores no reference.
        if (extras[index] != extra) {
            extras[index] = extra;
        }
        LONGS.setRelease(rows, base, sequence + 1); // the row's writes above are visible first
        return sequence;
    }

    /**
     * Whether a run of {@code owner} may start here without taking the ring from another writer:
     * the last run here was its own, or none was started, or nothing was written for
     * {@code idleNanos} before {@code nanoTime}.
     */
    boolean freeFor(long owner, long nanoTime, long idleNanos) {
        long last = cursor.getOpaque(RUN_OWNER);
        return last == owner || last == 0 || nanoTime - cursor.getOpaque(LAST_WRITE) >= idleNanos;
    }

    /** Notes that {@code owner} starts a run here. */
    void startRun(long owner) {
        cursor.setOpaque(RUN_OWNER, owner);
    }

    /** One row read consistently, with its merge key. */
    record Row(long nanoTime, long threadSequence, long code, Object extra, long epochMilli, double durationMs) {
    }

    /**
     * Adds the rows held now to {@code rows}, in this ring's order. Thread-safe; a write racing
     * with the call may or may not be included.
     */
    void collect(List<Row> out) {
        long end = cursor.get(CURSOR);
        long start = Math.max(clearedBefore, end - capacity);
        int index = (int) (start % capacity);
        for (long sequence = start; sequence < end; sequence++, index = index + 1 == capacity ? 0 : index + 1) {
            int base = index * STRIDE;
            long before = (long) LONGS.getVolatile(rows, base);
            if (before != sequence + 1) {
                continue;
            }
            Row row = new Row(rows[base + NANO_TIME], rows[base + THREAD_SEQUENCE], rows[base + CODE], extras[index],
                    rows[base + EPOCH_MILLI], Double.longBitsToDouble(rows[base + DURATION]));
            // Keeps the row reads above before the re-check (a volatile read alone would not).
            VarHandle.loadLoadFence();
            if ((long) LONGS.getVolatile(rows, base) == before) {
                out.add(row);
            }
        }
    }

    /** {@link #peek} result: the row's writer has not finished (or not started); it may appear later. */
    static final int PENDING = -1;
    /** {@link #peek} result: the row is overwritten, cleared or was dropped; it will never appear. */
    static final int ABSENT = -2;

    /** The sequence the next write takes; every row held has a smaller one. */
    long end() {
        return cursor.get(CURSOR);
    }

    /** Rows with a smaller sequence were cleared. */
    long clearedBefore() {
        return clearedBefore;
    }

    /**
     * Reads the row written with {@code sequence}, for statistics, without allocating.
     *
     * @param duration receives the row's duration at index 0 when it is present
     * @return the row type's ordinal when present, else {@link #PENDING} or {@link #ABSENT}
     */
    int peek(long sequence, double[] duration) {
        int base = (int) (sequence % capacity) * STRIDE;
        long before = (long) LONGS.getVolatile(rows, base);
        if (before == sequence + 1) {
            long code = rows[base + CODE];
            long bits = rows[base + DURATION];
            VarHandle.loadLoadFence();
            if ((long) LONGS.getVolatile(rows, base) != before) {
                return ABSENT; // a newer row or a clear took the slot while it was read
            }
            duration[0] = Double.longBitsToDouble(bits);
            return RowCode.typeOrdinal(code);
        }
        if (before > sequence + 1 || sequence < clearedBefore) {
            return ABSENT;
        }
        // WRITING, or an older row this sequence's writer has not yet replaced (or gave up on).
        return PENDING;
    }

    /**
     * Empties the ring. Writes that race with the call may survive it; writes that start after it
     * returns are kept.
     */
    public void clear() {
        long cleared = cursor.get(CURSOR);
        clearedBefore = cleared;
        for (int i = 0; i < capacity; i++) {
            // Drops references so cleared metadata can be collected, owning the slot like a writer
            // so no concurrent write is half erased.
            int base = i * STRIDE;
            long stamp = (long) LONGS.getVolatile(rows, base);
            if (stamp > 0 && stamp <= cleared && LONGS.compareAndSet(rows, base, stamp, WRITING)) {
                extras[i] = null;
                // A changed stamp makes a reader that raced with the erase drop the row.
                LONGS.setVolatile(rows, base, 0L);
            }
        }
    }
}
