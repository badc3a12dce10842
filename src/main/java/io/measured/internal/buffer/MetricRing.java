package io.measured.internal.buffer;

import io.measured.Metric;
import io.measured.OperationType;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bounded ring of the last {@code capacity} metrics, written without a lock and without
 * allocating: each slot is a row of parallel arrays, and {@link Metric} objects are made only
 * when read. One stripe of a {@link StripedRing}; rows carry the writer's nanoTime and per-thread
 * sequence so stripes can be merged in order.
 *
 * <p>Each write takes a unique sequence number {@code s} and owns slot {@code s % capacity}
 * while it writes: the slot's stamp goes from the old sequence + 1 to {@link #WRITING} (by CAS),
 * then the row is written, then the stamp becomes {@code s + 1}. Invariants: a stamp only ever
 * grows except while being written or cleared; a slow writer never overwrites a newer row (it drops its own,
 * which can only happen when the ring laps during its write); a reader keeps a row only if the
 * stamp is the same before and after reading it, so it never sees a torn row.
 */
public final class MetricRing {

    private static final long WRITING = -1;
    private static final int MAX_SPINS = 10_000;

    private final int capacity;
    private final AtomicLongArray stamps;
    private final OperationType[] types;
    private final String[] names;
    private final long[] epochMillis;
    private final long[] nanoTimes;
    private final long[] threadSequences;
    private final double[] durations;
    private final Object[] metadata;
    private final long processId;
    /** The cursor lives in the middle of 16 longs so no other ring's cursor shares its cache line. */
    private final AtomicLongArray cursor = new AtomicLongArray(16);
    private static final int CURSOR = 8;
    private volatile long clearedBefore;

    /**
     * Creates an empty ring.
     *
     * @param capacity how many metrics it keeps; {@code >= 1}
     * @param processId the process id every read metric carries
     */
    public MetricRing(int capacity, long processId) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
        this.processId = processId;
        this.stamps = new AtomicLongArray(capacity);
        this.types = new OperationType[capacity];
        this.names = new String[capacity];
        this.epochMillis = new long[capacity];
        this.nanoTimes = new long[capacity];
        this.threadSequences = new long[capacity];
        this.durations = new double[capacity];
        this.metadata = new Object[capacity];
    }

    /** Returns how many metrics the ring keeps at most. */
    public int capacity() {
        return capacity;
    }

    /** Returns how many metrics a snapshot taken now would hold (at most), without taking one. */
    public int size() {
        long end = cursor.get(CURSOR);
        return (int) Math.max(0, end - Math.max(clearedBefore, end - capacity));
    }

    /**
     * Adds a metric, evicting the oldest one when the ring is full. Thread-safe, lock-free,
     * allocation-free.
     *
     * @param metadata an unmodifiable map, stored as is
     * @return the sequence the write took (one more than the previous write's, unless another
     *         thread wrote in between)
     */
    public long add(OperationType type, String name, long epochMilli, long nanoTime, long threadSequence,
            double durationMs, Map<String, String> metadata) {
        long sequence = cursor.getAndIncrement(CURSOR);
        int index = (int) (sequence % capacity);
        long stamp = stamps.get(index);
        int spins = 0;
        while (true) {
            if (stamp == WRITING) {
                if (++spins > MAX_SPINS) {
                    return sequence; // the slot's writer was preempted; dropping one row beats waiting on it
                }
                Thread.onSpinWait();
                stamp = stamps.get(index);
                continue;
            }
            if (stamp > sequence) {
                return sequence; // lapped while we waited: a newer row owns the slot
            }
            if (stamps.compareAndSet(index, stamp, WRITING)) {
                break;
            }
            stamp = stamps.get(index);
        }
        types[index] = type;
        names[index] = name;
        epochMillis[index] = epochMilli;
        nanoTimes[index] = nanoTime;
        threadSequences[index] = threadSequence;
        durations[index] = durationMs;
        this.metadata[index] = metadata;
        stamps.lazySet(index, sequence + 1); // release: the row's writes above are visible first
        return sequence;
    }

    /** One row read consistently, with its merge key. */
    record Row(long nanoTime, long threadSequence, long sequence, OperationType type, String name,
            long epochMilli, double durationMs, Map<String, String> metadata) {

        Metric toMetric(long processId) {
            return new Metric(type, name, Instant.ofEpochMilli(epochMilli), durationMs, processId, metadata);
        }
    }

    /**
     * Adds the rows held now to {@code rows}, in this ring's order. Thread-safe; a write racing
     * with the call may or may not be included.
     */
    @SuppressWarnings("unchecked")
    void collect(List<Row> rows) {
        long end = cursor.get(CURSOR);
        long start = Math.max(clearedBefore, end - capacity);
        int index = (int) (start % capacity);
        for (long sequence = start; sequence < end; sequence++, index = index + 1 == capacity ? 0 : index + 1) {
            long before = stamps.get(index);
            if (before != sequence + 1) {
                continue;
            }
            Row row = new Row(nanoTimes[index], threadSequences[index], sequence, types[index], names[index],
                    epochMillis[index], durations[index], (Map<String, String>) metadata[index]);
            // Keeps the row reads above before the re-check (a volatile read alone would not).
            VarHandle.loadLoadFence();
            if (stamps.get(index) == before) {
                rows.add(row);
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
        int index = (int) (sequence % capacity);
        long before = stamps.get(index);
        if (before == sequence + 1) {
            OperationType type = types[index];
            double value = durations[index];
            VarHandle.loadLoadFence();
            if (stamps.get(index) != before) {
                return ABSENT; // a newer row or a clear took the slot while it was read
            }
            duration[0] = value;
            return type.ordinal();
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
            // Drop references so cleared metadata can be collected, owning the slot like a writer
            // so no concurrent write is half erased.
            long stamp = stamps.get(i);
            if (stamp > 0 && stamp <= cleared && stamps.compareAndSet(i, stamp, WRITING)) {
                metadata[i] = null;
                names[i] = null;
                types[i] = null;
                stamps.set(i, 0); // a changed stamp makes a reader that raced with the erase drop the row
            }
        }
    }
}
