package io.measured.internal.stats;

import io.measured.OperationType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What happened per type in each 10-second slot of the last 15 minutes, kept without a database
 * and without work on the recording path beyond one comparison: when a call or a read finds the
 * open slot's end passed, the slot closes with the difference between the cumulative counters now
 * and at its opening (calls, errors, sum, and the fine histogram for its p95). A slot in which
 * nothing closed it gets the calls of the whole gap, which are none when the application was idle.
 * Thread-safe: closing and reading are serialized by this object's lock; recording only reads one
 * volatile field.
 */
public final class History {

    /** The length of a slot. */
    public static final int SLOT_SECONDS = 10;
    /** How many slots are kept: 15 minutes. */
    public static final int SLOTS = 90;
    private static final long SLOT_MILLIS = SLOT_SECONDS * 1000L;
    private static final OperationType[] TYPES = OperationType.values();

    /** One closed slot: per type ordinal, calls, errors, sum of nanoseconds and p95 in nanoseconds. */
    public record Slot(long startMillis, long[] calls, long[] errors, long[] sumNanos, long[] p95Nanos) {
    }

    private final OperationRegistry operations;
    private final LongSupplier millis;
    private final Slot[] closed = new Slot[SLOTS];
    private int closedCount;
    private int newest = -1;
    private long openSlot = Long.MIN_VALUE;
    private long[][] atOpening;
    /**
     * The {@code System.nanoTime()} at which the open slot ends; recording compares against it.
     * Starts at creation, so the first call opens the first slot (a far-away start would overflow
     * the comparison, which is by difference as nanoTime requires).
     */
    private volatile long closeAtNanos = System.nanoTime();

    /** @param millis the wall clock, in epoch milliseconds */
    public History(OperationRegistry operations, LongSupplier millis) {
        this.operations = operations;
        this.millis = millis;
    }

    /** The recording path's check: closes the open slot when {@code nanoTime} is past its end. */
    public void tick(long nanoTime) {
        if (nanoTime - closeAtNanos >= 0) {
            advance(nanoTime);
        }
    }

    private synchronized void advance(long nanoTime) {
        long now = millis.getAsLong();
        long slot = Math.floorDiv(now, SLOT_MILLIS);
        if (slot != openSlot) {
            long[][] totals = operations.totalsByType();
            if (atOpening != null) {
                close(openSlot, totals);
            }
            openSlot = slot;
            atOpening = totals;
        }
        closeAtNanos = nanoTime + ((slot + 1) * SLOT_MILLIS - now) * 1_000_000L;
    }

    private void close(long slot, long[][] totals) {
        long[] calls = new long[TYPES.length];
        long[] errors = new long[TYPES.length];
        long[] sums = new long[TYPES.length];
        long[] p95 = new long[TYPES.length];
        for (int t = 0; t < TYPES.length; t++) {
            long[] before = atOpening[t];
            long[] after = totals[t];
            calls[t] = Math.max(0, after[0] - before[0]);
            errors[t] = Math.min(calls[t], Math.max(0, after[1] - before[1]));
            sums[t] = Math.max(0, after[2] - before[2]);
            long[] fine = new long[LatencyHistogram.BUCKETS];
            for (int b = 0; b < fine.length; b++) {
                fine[b] = Math.max(0, after[3 + b] - before[3 + b]);
            }
            p95[t] = LatencyHistogram.percentilesNanos(fine, calls[t], 95)[0];
        }
        newest = (newest + 1) % SLOTS;
        closed[newest] = new Slot(slot * SLOT_MILLIS, calls, errors, sums, p95);
        closedCount = Math.min(SLOTS, closedCount + 1);
    }

    /**
     * The closed slots of the last 15 minutes, oldest first, after closing the open slot if its
     * end has passed; slots nothing closed are left out (their calls went to the next closed one).
     */
    public synchronized List<Slot> slots() {
        advance(System.nanoTime());
        long oldest = Math.floorDiv(millis.getAsLong(), SLOT_MILLIS) * SLOT_MILLIS - SLOTS * SLOT_MILLIS;
        List<Slot> result = new ArrayList<>(closedCount);
        for (int i = closedCount - 1; i >= 0; i--) {
            Slot slot = closed[Math.floorMod(newest - i, SLOTS)];
            if (slot.startMillis() >= oldest) {
                result.add(slot);
            }
        }
        return result;
    }
}
