package io.measured.internal.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded ring of the last {@code capacity} rows in one total order, written by any number of
 * threads without a lock and without allocating.
 *
 * <p>Each write takes the next sequence number {@code s} from one cursor and writes the slot of
 * {@code s % capacity} ({@link #slotOf}) once the slot's previous writer, of
 * {@code s - capacity}, has finished: the slot's writers take turns in sequence order, so a
 * writer owns its slot without a compare-and-set. It marks the stamp {@link #WRITING}, writes
 * the row, then releases the stamp as {@code s + 1}. A row is held while its sequence is within
 * the last {@code capacity} taken and its stamp says it is written. Invariants, whatever the threads' pace:
 * <ul>
 *   <li>a row is evicted only by rows of higher sequences, and a thread's rows have increasing
 *       sequences: no row is evicted while an older row of the same thread is held;</li>
 *   <li>every sequence taken is written, after its slot's previous one, so once writers stop the
 *       ring holds exactly the last {@code min(written, capacity)} rows;</li>
 *   <li>a reader keeps a row only if its stamp is the same before and after reading it, so it
 *       never sees a torn row.</li>
 * </ul>
 * A writer waits only when the ring has lapped a slot's previous writer while that writer was
 * preempted between taking its number and releasing its row, a few instructions.
 *
 * <p>A row is four longs of one array (stamp, {@link RowCode code}, epoch millisecond, duration
 * bits) plus one reference slot that is null unless the row has metadata or a name of its own: a
 * reference store into a long-lived array costs the collector's write barrier, several times a
 * primitive store.
 */
final class MetricRing {

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final long WRITING = -1;
    private static final int SPINS_BEFORE_YIELD = 100;

    static final int STRIDE = 4;
    private static final int CODE = 1;
    private static final int EPOCH_MILLI = 2;
    private static final int DURATION = 3;
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
     * Adds a row, evicting the oldest when the ring is full. Thread-safe and allocation-free; waits
     * only when the ring has lapped a writer that was preempted in the middle of its row.
     *
     * @param extra what the code says the row holds by reference, else null
     */
    void add(long code, Object extra, long epochMilli, double durationMs) {
        long sequence = (long) LONGS.getAndAdd(cursor, CURSOR, 1L);
        int index = slotOf(sequence);
        int base = index * STRIDE;
        awaitTurn(base, sequence < capacity ? 0 : sequence - capacity + 1);
        // Opaque then a store-store fence: a reader that sees any of the row's stores sees WRITING.
        LONGS.setOpaque(rows, base, WRITING);
        VarHandle.storeStoreFence();
        rows[base + CODE] = code;
        rows[base + EPOCH_MILLI] = epochMilli;
        rows[base + DURATION] = Double.doubleToRawLongBits(durationMs);
        // Loaded first so the common row (no extra, none left by the slot's previous row) stores no reference.
        if (extras[index] != extra) {
            extras[index] = extra;
        }
        LONGS.setRelease(rows, base, sequence + 1);
    }

    /** Waits until the slot's stamp is {@code previous}: its previous writer has released it. */
    private void awaitTurn(int base, long previous) {
        int spins = 0;
        while ((long) LONGS.getAcquire(rows, base) != previous) {
            // The slot's previous writer is mid-row: it finishes in a few stores unless preempted.
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** {@link #read} and {@link #peek} result: the row's writer has not finished; it may appear later. */
    static final int PENDING = -1;
    /** {@link #read} and {@link #peek} result: the row is overwritten, cleared or dropped; it never appears. */
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
        long before = (long) LONGS.getVolatile(rows, base);
        if (before == sequence + 1) {
            long code = rows[base + CODE];
            long epochMilli = rows[base + EPOCH_MILLI];
            long bits = rows[base + DURATION];
            Object extra = extras[index];
            // Keeps the row reads above before the re-check (a volatile read alone would not).
            VarHandle.loadLoadFence();
            if ((long) LONGS.getVolatile(rows, base) != before) {
                return ABSENT; // a newer row took the slot while it was read
            }
            into.set(code, extra, epochMilli, Double.longBitsToDouble(bits));
            return 0;
        }
        if (before > sequence + 1 || sequence < clearedBefore) {
            return ABSENT;
        }
        return PENDING; // WRITING, or an older row this sequence's writer has not yet replaced
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
