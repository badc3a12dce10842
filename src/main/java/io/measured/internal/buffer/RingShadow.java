package io.measured.internal.buffer;

import java.util.Arrays;

/**
 * A private copy of what the {@link MetricRing} holds, for statistics: per slot the key
 * (type and bucket, see {@link DurationHistogram}) and the duration of the row folded in there.
 * Each {@link #fold} brings it up to date by reading only the rows written since the previous one.
 *
 * <p>Invariant: every sequence below {@code folded} is either in the shadow, known never to
 * appear, or waiting in {@code pending} because its writer had not finished; a slot's entry is its
 * newest folded row, and the histogram holds exactly the entries. Confined to the thread holding
 * the statistics' lock; writers never touch it.
 */
final class RingShadow {

    private static final short EMPTY = -1;
    /** Heap bytes per slot of the ring: a key and a duration. */
    static final int BYTES_PER_SLOT = Short.BYTES + Double.BYTES;

    private final MetricRing ring;
    private final RowView peeked = new RowView();
    private short[] keys;
    private double[] durations;
    private long folded;
    private long clearedSeen;
    private long[] pending = new long[4];
    private int pendingCount;

    RingShadow(MetricRing ring) {
        this.ring = ring;
    }

    /** Per slot: the key of the row held, or a negative value for none. Read-only for callers. */
    short[] keys() {
        return keys;
    }

    /** Per slot: the duration of the row held, where {@link #keys()} has one. Read-only for callers. */
    double[] durations() {
        return durations;
    }

    /** Folds in the rows written (and drops those evicted or cleared) since the previous call. */
    void fold(DurationHistogram histogram) {
        long cleared = ring.clearedBefore();
        long end = ring.end();
        int capacity = ring.capacity();
        if (keys == null) {
            keys = new short[capacity];
            durations = new double[capacity];
            Arrays.fill(keys, EMPTY);
        }
        if (cleared != clearedSeen) {
            for (int slot = 0; slot < capacity; slot++) {
                evict(slot, histogram);
            }
            clearedSeen = cleared;
            pendingCount = 0;
            // Rows folded before the clear was seen may have been written after it: fold them again.
            folded = 0;
        }
        long windowStart = Math.max(cleared, end - capacity);
        int kept = 0;
        for (int p = 0; p < pendingCount; p++) {
            long sequence = pending[p];
            if (sequence >= windowStart && place(sequence, histogram) == MetricRing.PENDING) {
                pending[kept++] = sequence;
            }
        }
        pendingCount = kept;
        for (long sequence = Math.max(folded, windowStart); sequence < end; sequence++) {
            evict(ring.slotOf(sequence), histogram);
            if (place(sequence, histogram) == MetricRing.PENDING) {
                addPending(sequence);
            }
        }
        folded = Math.max(folded, end);
    }

    /** Puts the row of {@code sequence} into its (empty) slot if it is there to read. */
    private int place(long sequence, DurationHistogram histogram) {
        int found = ring.read(sequence, peeked);
        if (found == 0) {
            int slot = ring.slotOf(sequence);
            int key = DurationHistogram.key(peeked.typeOrdinal(), peeked.durationMs);
            keys[slot] = (short) key;
            durations[slot] = peeked.durationMs;
            histogram.add(key, peeked.durationMs);
        }
        peeked.extra = null; // holds no metadata past the read
        return found;
    }

    private void evict(int slot, DurationHistogram histogram) {
        int key = keys[slot];
        if (key >= 0) {
            keys[slot] = EMPTY;
            histogram.remove(key, durations[slot]);
        }
    }

    private void addPending(long sequence) {
        if (pendingCount == pending.length) {
            pending = Arrays.copyOf(pending, pendingCount * 2);
        }
        pending[pendingCount++] = sequence;
    }
}
