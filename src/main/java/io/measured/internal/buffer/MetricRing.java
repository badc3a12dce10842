package io.measured.internal.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;

/**
 * A bounded ring of the last {@code capacity} rows in one total order, written by any number of
 * threads without a lock, without waiting for each other and, unless two writes of one slot
 * overlap, without allocating.
 *
 * <p>Each write takes the next sequence number {@code s} from one cursor; its row belongs to the
 * slot of {@code s % capacity} ({@link #slotOf}). The slot's stamp holds {@code t + 1} for the
 * sequence {@code t} of the row written in place there, or, with a busy bit, for the sequence of
 * the writer that owns the place now. A writer claims the place with one compare-and-set of the
 * stamp, writes the row's fields with plain stores and publishes by storing the stamp
 * {@code s + 1}. A writer that finds the place owned by an older writer, which happens only when
 * the ring laps a write still in progress (a writer preempted, or more writers than slots), does
 * not wait: it publishes its row as an immutable object in the slot's box instead, which keeps the
 * newest sequence boxed. So a writer never waits (a write is a bounded number of its own steps,
 * short of boxes racing for one slot), and a late writer's stores only ever land in a place it
 * owns: no write spoils another. A writer that finds its slot published or owned by a newer
 * sequence writes nothing: its row would be evicted at once.
 *
 * <p>Invariants:
 * <ul>
 *   <li>a row is evicted only by rows of higher sequences, and a thread's rows have increasing
 *       sequences: no row is evicted while an older row of the same thread is held;</li>
 *   <li>every write that finishes publishes its row in place or in the box unless a newer row of
 *       its slot is already published, so once writers stop the ring holds exactly the last
 *       {@code min(written, capacity)} rows; a writer stopped by an {@code Error} inside its row
 *       loses that row alone, and its slot boxes from then on;</li>
 *   <li>a reader never sees a torn row: it keeps a row in place only if the stamp names it, not
 *       busy, before and after reading the fields (the seqlock pattern of
 *       {@link java.util.concurrent.locks.StampedLock}).</li>
 * </ul>
 *
 * <p>A row in place is four longs of one array (stamp, {@link RowCode code}, epoch millisecond,
 * duration bits) plus one reference slot that is null unless the row has metadata or a name of its
 * own: a reference store into a long-lived array costs the collector's write barrier, several
 * times a primitive store. The box slot is null but for a row that overlapped another write, and an
 * older box is dropped by the next row written in place.
 */
final class MetricRing {

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle OBJECTS = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final VarHandle CLEARED_BEFORE;

    static {
        try {
            CLEARED_BEFORE = MethodHandles.lookup().findVarHandle(MetricRing.class, "clearedBefore", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final int STRIDE = 4;
    private static final int CODE = 1;
    private static final int EPOCH_MILLI = 2;
    private static final int DURATION = 3;
    /**
     * In a stamp: the writer of the sequence the stamp names owns the slot's place and is writing its
     * fields. Sequences stay below it (2^62 records take millennia at any rate).
     */
    private static final long BUSY = 1L << 62;
    /**
     * Heap bytes per row of capacity: the row's longs, its reference slot and its box slot
     * (compressed or not); not the rare boxed rows themselves, at most one per slot.
     */
    static final int BYTES_PER_ROW = STRIDE * Long.BYTES + 2 * 8;

    private final int capacity;
    /** {@link #remainder}'s constants for the capacity. */
    private final long magic;
    private final int shift;
    /** Slots of even remainders: {@code ceil(capacity / 2)}. */
    private final int evenSlots;
    private final long[] rows;
    private final Object[] extras;
    /** Per slot: the newest row that overlapped a write of its slot ({@link Boxed}), else null or older. */
    private final Object[] boxes;
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
        this.magic = magicOf(capacity);
        this.shift = shiftOf(capacity);
        this.evenSlots = (capacity + 1) / 2;
        this.rows = new long[Math.multiplyExact(capacity, STRIDE)];
        this.extras = new Object[capacity];
        this.boxes = new Object[capacity];
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
        int remainder = remainder(sequence, capacity, magic, shift);
        return (remainder >>> 1) + ((remainder & 1) == 0 ? 0 : evenSlots);
    }

    /**
     * {@code sequence % capacity} for a sequence {@code >= 0}, given {@code magic ==}
     * {@link #magicOf magicOf(capacity)} and {@code shift ==} {@link #shiftOf shiftOf(capacity)}:
     * a mask for a power of two, else the high half of one 64 × 64-bit product (a 64-bit division
     * takes tens of cycles on many processors, and its latency lies between the ring's two atomic
     * instructions). For a capacity {@code d} that is no power of two, {@code 2^s < d < 2^(s+1)},
     * the magic is {@code M = ceil(2^(63+s) / d) < 2^63} with error {@code e = M·d − 2^(63+s) < d}, so
     * {@code n·M / 2^(63+s) = n/d + n·e / (d·2^(63+s))}: below {@code 2^62} the second term is under
     * {@code 1/d} and cannot carry the quotient past {@code floor(n/d)}. Sequences stay below
     * {@link #BUSY}; a larger one, never written, takes the division.
     */
    static int remainder(long sequence, int capacity, long magic, int shift) {
        if (sequence < BUSY) {
            if (magic == 0) {
                return (int) sequence & (capacity - 1);
            }
            long quotient = Math.multiplyHigh(sequence, magic) >>> shift;
            return (int) (sequence - quotient * capacity);
        }
        return (int) (sequence % capacity);
    }

    /** The {@link #remainder} magic of a capacity {@code >= 1}: 0 for a power of two. */
    static long magicOf(int capacity) {
        if (Integer.bitCount(capacity) == 1) {
            return 0;
        }
        BigInteger power = BigInteger.ONE.shiftLeft(63 + floorLog2(capacity));
        BigInteger[] quotient = power.divideAndRemainder(BigInteger.valueOf(capacity));
        return quotient[0].add(quotient[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE).longValueExact();
    }

    /**
     * The {@link #remainder} shift of a capacity {@code >= 1}: {@code s − 1}, since the product's
     * high half is already divided by {@code 2^64} and the magic is scaled by {@code 2^(63+s)}.
     */
    static int shiftOf(int capacity) {
        return Math.max(0, floorLog2(capacity) - 1);
    }

    private static int floorLog2(int capacity) {
        return 31 - Integer.numberOfLeadingZeros(capacity);
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
     * Adds a row, evicting the oldest when the ring is full. Thread-safe; never waits for another
     * writer; allocates only when it overlaps a write of the same slot.
     *
     * @param extra what the code says the row holds by reference, else null
     */
    void add(long code, Object extra, long epochMilli, double durationMs) {
        long sequence = take();
        int index = slotOf(sequence);
        int claim = claim(sequence, index);
        if (claim == IN_PLACE) {
            writeInPlace(sequence, index, code, extra, epochMilli, durationMs);
        } else if (claim == IN_BOX) {
            box(index, new Boxed(sequence, code, extra, epochMilli, durationMs));
        }
    }

    /** {@link #claim} result: the writer owns the slot's place until it writes there. */
    static final int IN_PLACE = 0;
    /** {@link #claim} result: another writer owns the place; the row goes to the slot's box. */
    static final int IN_BOX = 1;
    /** {@link #claim} result: a newer row of the slot is published; the row is evicted already. */
    static final int EVICTED = 2;

    /** The first step of {@link #add}: the row's sequence. */
    long take() {
        return (long) LONGS.getAndAdd(cursor, CURSOR, 1L);
    }

    /** The second step of {@link #add}: where the row of {@code sequence}, of slot {@code index}, goes. */
    int claim(long sequence, int index) {
        int base = index * STRIDE;
        long stamp = (long) LONGS.getVolatile(rows, base);
        if ((stamp & ~BUSY) > sequence) {
            return EVICTED;
        }
        if ((stamp & BUSY) == 0) {
            long witness = (long) LONGS.compareAndExchange(rows, base, stamp, (sequence + 1) | BUSY);
            if (witness == stamp) {
                // The field stores that follow become visible after the claim (as StampedLock's writers do).
                VarHandle.storeStoreFence();
                return IN_PLACE;
            }
            if ((witness & ~BUSY) > sequence) {
                return EVICTED; // a newer writer claimed or published the slot meanwhile
            }
        }
        return IN_BOX;
    }

    /** The last step of {@link #add} after {@link #IN_PLACE}: the row's fields, then its stamp. */
    void writeInPlace(long sequence, int index, long code, Object extra, long epochMilli, double durationMs) {
        int base = index * STRIDE;
        rows[base + CODE] = code;
        rows[base + EPOCH_MILLI] = epochMilli;
        rows[base + DURATION] = Double.doubleToRawLongBits(durationMs);
        // Loaded first so the common row (no extra, none left by the slot's previous row) stores no reference.
        if (extras[index] != extra) {
            extras[index] = extra;
        }
        // Only the owner changes a busy stamp, so this store replaces the claim and nothing newer.
        LONGS.setRelease(rows, base, sequence + 1);
        Object boxed = boxes[index];
        if (boxed != null && ((Boxed) boxed).sequence < sequence) {
            OBJECTS.compareAndSet(boxes, index, boxed, null); // releases what the older row references
        }
    }

    /**
     * Publishes a row in its slot's box unless a newer one is boxed there; lock-free. A writer
     * lapped on its way here takes its row back out, so an evicted row is not kept until the slot's
     * next row in place.
     */
    void box(int index, Boxed row) {
        Object current = OBJECTS.getAcquire(boxes, index);
        while (current == null || ((Boxed) current).sequence < row.sequence) {
            Object witness = OBJECTS.compareAndExchange(boxes, index, current, row);
            if (witness == current) {
                if (((long) LONGS.getVolatile(rows, index * STRIDE) & ~BUSY) > row.sequence + 1) {
                    OBJECTS.compareAndSet(boxes, index, row, null);
                }
                return;
            }
            current = witness;
        }
    }

    /** A row written beside its slot's place, immutable, so overlapping writers never share a store. */
    static final class Boxed {
        final long sequence;
        final long code;
        final Object extra;
        final long epochMilli;
        final double durationMs;

        Boxed(long sequence, long code, Object extra, long epochMilli, double durationMs) {
            this.sequence = sequence;
            this.code = code;
            this.extra = extra;
            this.epochMilli = epochMilli;
            this.durationMs = durationMs;
        }
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
        if (sequence < clearedBefore) {
            return ABSENT;
        }
        int index = slotOf(sequence);
        int base = index * STRIDE;
        long before = (long) LONGS.getAcquire(rows, base);
        if (before == sequence + 1) {
            long code = rows[base + CODE];
            long epochMilli = rows[base + EPOCH_MILLI];
            long bits = rows[base + DURATION];
            Object extra = extras[index];
            // Keeps the row reads above before the re-check (an acquire read alone would not).
            VarHandle.loadLoadFence();
            if ((long) LONGS.getAcquire(rows, base) != before) {
                return ABSENT; // a newer write claimed the place while it was read
            }
            into.set(code, extra, epochMilli, Double.longBitsToDouble(bits));
            return 0;
        }
        Boxed boxed = (Boxed) OBJECTS.getAcquire(boxes, index);
        if (boxed != null && boxed.sequence == sequence) {
            into.set(boxed.code, boxed.extra, boxed.epochMilli, boxed.durationMs);
            return 0;
        }
        if ((before & ~BUSY) > sequence + 1 || (boxed != null && boxed.sequence > sequence)) {
            return ABSENT; // a newer row of the slot is published or being written
        }
        return PENDING; // its writer has not published it yet (or owns the place and is writing it), or never will
    }

    /**
     * Empties the ring: rows written before the call are never read again. Writes that race with
     * the call may survive it; writes that start after it returns are kept. The slots are left to
     * the next rows, which reuse them, so what the cleared rows reference is released as they are
     * overwritten; the ring never holds more than {@code capacity} rows' worth.
     */
    void clear() {
        long end = end();
        // Concurrent clears keep the latest: the mark never moves back over rows a clear removed.
        for (long seen = clearedBefore; seen < end; seen = clearedBefore) {
            if (CLEARED_BEFORE.compareAndSet(this, seen, end)) {
                return;
            }
        }
    }
}
