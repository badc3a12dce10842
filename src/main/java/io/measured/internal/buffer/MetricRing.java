package io.measured.internal.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded ring of the last {@code capacity} rows in one total order, written by any number of
 * threads without a lock, without waiting for each other and without allocating.
 *
 * <p>Each write takes the next sequence number {@code s} from one cursor, writes the row into the
 * slot of {@code s % capacity} ({@link #slotOf}) with plain stores, then publishes it by storing
 * the slot's stamp as {@code s + 1}. A writer never waits: a write is a fixed number of its own
 * steps whatever other threads do, so a writer preempted, or stopped by an {@code Error} in the
 * middle of its row, delays nobody. Such a writer's row may be lost, and when the ring laps it
 * before it resumes, its late stores may spoil the newer row of the same slot, which is then lost
 * too; nothing else is. A writer that finds its slot already published by a newer sequence writes
 * nothing: its row would be evicted at once.
 *
 * <p>Since writers of one slot may overlap, a row carries a check over its fields and its
 * sequence, and a reader keeps a row only if its stamp names the sequence asked for, before and
 * after reading, and the check matches what it read: a torn row, or a row another write spoiled,
 * is never returned (short of a 64-bit check collision between two rows' fields). Invariants:
 * <ul>
 *   <li>a row is evicted only by rows of higher sequences (or, as above, lost with a stalled
 *       writer), and a thread's rows have increasing sequences: no row is evicted while an older
 *       row of the same thread is held;</li>
 *   <li>every sequence taken is written by a writer that is not stopped, so once writers stop the
 *       ring holds exactly the last {@code min(written, capacity)} rows, unless a writer was
 *       stopped within its row;</li>
 *   <li>a reader never sees a torn row.</li>
 * </ul>
 *
 * <p>A row is five longs of one array (stamp, {@link RowCode code}, epoch millisecond, duration
 * bits, check) plus one reference slot that is null unless the row has metadata or a name of its
 * own: a reference store into a long-lived array costs the collector's write barrier, several
 * times a primitive store.
 */
final class MetricRing {

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    static final int STRIDE = 5;
    private static final int CODE = 1;
    private static final int EPOCH_MILLI = 2;
    private static final int DURATION = 3;
    private static final int CHECK = 4;
    /** Heap bytes per row of capacity: the row's longs and its reference slot (compressed or not). */
    static final int BYTES_PER_ROW = STRIDE * Long.BYTES + 8;

    private static final long EXACT_PRODUCT_LIMIT = 1L << 52;

    private final int capacity;
    private final double reciprocal;
    /** Slots of even remainders: {@code ceil(capacity / 2)}. */
    private final int evenSlots;
    private final long[] rows;
    private final Object[] extras;
    /**
     * The cursor alone in the middle of 16 longs, so no other field shares its cache line; a plain
     * array with a {@link VarHandle}, whose accessors the JIT inlines at any depth.
     */
    private final long[] cursor = new long[16];
    private static final int CURSOR = 8;
    private volatile long clearedBefore;

    /** @param capacity how many rows it keeps; {@code >= 1}, checked by the public builder */
    MetricRing(int capacity) {
        this.capacity = capacity;
        this.reciprocal = 1.0 / capacity;
        this.evenSlots = (capacity + 1) / 2;
        this.rows = new long[Math.multiplyExact(capacity, STRIDE)];
        this.extras = new Object[capacity];
    }

    /**
     * The slot of a sequence {@code >= 0}: a function of {@code sequence % capacity}, so a
     * sequence and the one {@code capacity} later share a slot, and a bijection on the slots, so
     * the ring holds {@code capacity} rows. Even remainders fill the first half of the slots and
     * odd ones the second: two rows share a cache line, and consecutive sequences, which two
     * threads recording at once mostly take in turn, then write different lines instead of
     * passing one line between their cores on every write.
     */
    int slotOf(long sequence) {
        int remainder = remainder(sequence, capacity, reciprocal);
        return (remainder >>> 1) + ((remainder & 1) == 0 ? 0 : evenSlots);
    }

    /**
     * {@code sequence % capacity} for a sequence {@code >= 0}, given {@code reciprocal == 1.0 /
     * capacity}, by a multiplication where that is exact (a 64-bit division takes tens of cycles on
     * many processors; here it was 0.5 ns of a write's 9). Below 2^52 the product with the rounded
     * reciprocal is within one of the quotient, and the remainder's range check corrects that one.
     */
    static int remainder(long sequence, int capacity, double reciprocal) {
        if (sequence < EXACT_PRODUCT_LIMIT) {
            long remainder = sequence - (long) (sequence * reciprocal) * capacity;
            if (remainder < 0) {
                remainder += capacity;
            } else if (remainder >= capacity) {
                remainder -= capacity;
            }
            return (int) remainder;
        }
        return (int) (sequence % capacity);
    }

    int capacity() {
        return capacity;
    }

    /** The sequence the next write takes; every row held has a smaller one. */
    long end() {
        return (long) LONGS.getVolatile(cursor, CURSOR);
    }

    /** Rows with a smaller sequence were cleared. */
    long clearedBefore() {
        return clearedBefore;
    }

    /** The smallest sequence a row held now may have. */
    long start(long end) {
        return Math.max(clearedBefore, end - capacity);
    }

    /** How many rows a read now would see at most, without reading them. */
    int size() {
        long end = end();
        return (int) (end - start(end));
    }

    /**
     * Adds a row, evicting the oldest when the ring is full. Thread-safe and allocation-free; never
     * waits for another writer.
     *
     * @param extra what the code says the row holds by reference, else null
     */
    void add(long code, Object extra, long epochMilli, double durationMs) {
        long sequence = (long) LONGS.getAndAdd(cursor, CURSOR, 1L);
        int index = slotOf(sequence);
        int base = index * STRIDE;
        if ((long) LONGS.getOpaque(rows, base) > sequence) {
            return; // a newer row of this slot is published: this one is already evicted
        }
        long bits = Double.doubleToRawLongBits(durationMs);
        rows[base + CODE] = code;
        rows[base + EPOCH_MILLI] = epochMilli;
        rows[base + DURATION] = bits;
        // Loaded first so the common row (no extra, none left by the slot's previous row) stores no reference.
        if (extras[index] != extra) {
            extras[index] = extra;
        }
        rows[base + CHECK] = check(sequence, code, epochMilli, bits, extra);
        // A writer lapped while it wrote does not publish over the newer row (a narrow window remains).
        if ((long) LONGS.getOpaque(rows, base) <= sequence) {
            LONGS.setRelease(rows, base, sequence + 1);
        }
    }

    /**
     * A row's check: a sum of its fields and sequence times odd constants, so rows that differ in
     * any one field, or that mix the fields of two writes, differ in their check (short of a
     * collision of 64-bit sums), and a zeroed slot never passes for a row.
     */
    static long check(long sequence, long code, long epochMilli, long durationBits, Object extra) {
        long extraHash = extra == null ? 0 : System.identityHashCode(extra);
        return 0x2545F4914F6CDD1DL + sequence * 0x9E3779B97F4A7C15L + code * 0xC2B2AE3D27D4EB4FL
                + epochMilli * 0x165667B19E3779F9L + durationBits * 0xD6E8FEB86659FD93L + extraHash * 0xFF51AFD7ED558CCDL;
    }

    /** {@link #read} result: the row is not published yet; it may appear later. */
    static final int PENDING = -1;
    /** {@link #read} result: the row is overwritten, cleared or dropped; it never appears. */
    static final int ABSENT = -2;

    /**
     * Reads the row of {@code sequence} consistently, without allocating.
     *
     * @param into receives the row's fields when it is present
     * @return {@code 0} when present, else {@link #PENDING} or {@link #ABSENT}
     */
    int read(long sequence, RowView into) {
        int index = slotOf(sequence);
        int base = index * STRIDE;
        long before = (long) LONGS.getAcquire(rows, base);
        if (before == sequence + 1) {
            long code = rows[base + CODE];
            long epochMilli = rows[base + EPOCH_MILLI];
            long bits = rows[base + DURATION];
            Object extra = extras[index];
            long check = rows[base + CHECK];
            // Keeps the row reads above before the re-check (an acquire read alone would not).
            VarHandle.loadLoadFence();
            if ((long) LONGS.getAcquire(rows, base) != before || check != check(sequence, code, epochMilli, bits, extra)) {
                return ABSENT; // a newer write took the slot, or spoiled this row, while it was read
            }
            into.set(code, extra, epochMilli, Double.longBitsToDouble(bits));
            return 0;
        }
        if (before > sequence + 1 || sequence < clearedBefore) {
            return ABSENT;
        }
        return PENDING; // an older row this sequence's writer has not yet replaced, or never will
    }

    /**
     * Empties the ring: rows written before the call are never read again. Writes that race with
     * the call may survive it; writes that start after it returns are kept. The slots are left to
     * the next rows, which reuse them, so what the cleared rows reference is released as they are
     * overwritten; the ring never holds more than {@code capacity} rows' worth.
     */
    void clear() {
        clearedBefore = end();
    }
}
