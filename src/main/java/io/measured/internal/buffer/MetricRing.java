package io.measured.internal.buffer;

import io.measured.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded ring of the last {@code capacity} metrics, written without a lock.
 *
 * <p>Invariants: every write takes a unique sequence number; slot {@code seq % capacity} only ever
 * moves to a higher sequence, so a slow writer never overwrites a newer entry; a snapshot holds
 * at most {@code capacity} entries, in sequence order, all with a sequence at or after the last
 * {@link #clear()}.
 */
public final class MetricRing {

    private record Slot(long sequence, Metric metric) {
    }

    private static final Comparator<Slot> BY_SEQUENCE = Comparator.comparingLong(Slot::sequence);

    private final int capacity;
    private final AtomicReferenceArray<Slot> slots;
    private final AtomicLong nextSequence = new AtomicLong();
    private volatile long clearedBefore;

    /**
     * Creates an empty ring.
     *
     * @param capacity how many metrics it keeps; {@code >= 1}
     */
    public MetricRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    /** Returns how many metrics the ring keeps at most. */
    public int capacity() {
        return capacity;
    }

    /** Returns how many metrics a snapshot taken now would hold, without taking one. */
    public int size() {
        long end = nextSequence.get();
        return (int) Math.max(0, end - Math.max(clearedBefore, end - capacity));
    }

    /** Adds a metric, evicting the oldest one when the ring is full. Thread-safe. */
    public void add(Metric metric) {
        long sequence = nextSequence.getAndIncrement();
        int index = (int) (sequence % capacity);
        Slot fresh = new Slot(sequence, metric);
        Slot current = slots.get(index);
        while (current == null || current.sequence < sequence) {
            if (slots.compareAndSet(index, current, fresh)) {
                return;
            }
            current = slots.get(index);
        }
    }

    /**
     * Returns the metrics held now, oldest first. Thread-safe; a write racing with the call may
     * or may not be included.
     */
    public List<Metric> snapshot() {
        long end = nextSequence.get();
        long start = Math.max(clearedBefore, end - capacity);
        if (end <= start) {
            return List.of();
        }
        List<Slot> visible = new ArrayList<>((int) (end - start));
        for (int i = 0; i < capacity; i++) {
            Slot slot = slots.get(i);
            if (slot != null && slot.sequence >= start && slot.sequence < end) {
                visible.add(slot);
            }
        }
        visible.sort(BY_SEQUENCE);
        List<Metric> metrics = new ArrayList<>(visible.size());
        for (Slot slot : visible) {
            metrics.add(slot.metric);
        }
        return metrics;
    }

    /**
     * Empties the ring. Writes that race with the call may survive it; writes that start after it
     * returns are kept.
     */
    public void clear() {
        clearedBefore = nextSequence.get();
        for (int i = 0; i < capacity; i++) {
            Slot slot = slots.get(i);
            if (slot != null && slot.sequence < clearedBefore) {
                // Drop the reference so cleared metrics (and their metadata) can be collected.
                slots.compareAndSet(i, slot, null);
            }
        }
    }
}
