package io.measured.internal.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What happened per type in each 10-second slot of the last 15 minutes, kept without a database
 * and without any work on the recording path: when the {@link SlotCloser} or a read finds the open
 * slot's end passed, the slot closes with the difference between the cumulative counters now and
 * at its opening (calls, errors, sum, and the fine histogram for its percentiles). Closing reads
 * every operation's counters, which is why recording never does it. A slot that nothing closed in
 * time gets the calls of the whole gap, which are none when the application was idle.
 * Thread-safe: closing and reading are serialized by this object's lock; recording never touches
 * it.
 */
public final class History {

    /** The length of a slot. */
    public static final int SLOT_SECONDS = 10;
    /** How many slots are kept: 15 minutes. */
    public static final int SLOTS = 90;
    private static final long SLOT_MILLIS = SLOT_SECONDS * 1000L;

    /**
     * One slot (or the whole time since start): per type ordinal, calls, errors, sum of nanoseconds
     * and p50, p95, p99 in nanoseconds (upper bounds of the fine histogram's buckets).
     */
    public record Slot(long startMillis, long[] calls, long[] errors, long[] sumNanos, long[] p50Nanos,
            long[] p95Nanos, long[] p99Nanos) {
    }

    private final OperationRegistry operations;
    private final LongSupplier millis;
    private final long createdMillis;
    private final Slot[] closed = new Slot[SLOTS];
    private int closedCount;
    private int newest = -1;
    private long openSlot = Long.MIN_VALUE;
    private long[][] atOpening;
    /**
     * The {@code System.nanoTime()} at which the open slot ends. Starts at creation, so the first
     * check opens the first slot (a far-away start would overflow the comparison, which is by
     * difference as nanoTime requires).
     */
    private volatile long closeAtNanos = System.nanoTime();

    /** @param millis the wall clock, in epoch milliseconds */
    public History(OperationRegistry operations, LongSupplier millis) {
        this.operations = operations;
        this.millis = millis;
        this.createdMillis = millis.getAsLong();
    }

    /**
     * Closes the open slot when {@code nanoTime} is past its end; cheap when it is not.
     *
     * @return the {@code System.nanoTime()} at which the open slot ends
     */
    public long closeDue(long nanoTime) {
        if (nanoTime - closeAtNanos >= 0) {
            advance(nanoTime);
        }
        return closeAtNanos;
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
        newest = (newest + 1) % SLOTS;
        closed[newest] = difference(slot * SLOT_MILLIS, totals, atOpening);
        closedCount = Math.min(SLOTS, closedCount + 1);
    }

    /** The calls counted in {@code after} and not in {@code before} (null: none before). */
    private static Slot difference(long startMillis, long[][] after, long[][] before) {
        int types = after.length;
        long[] calls = new long[types];
        long[] errors = new long[types];
        long[] sums = new long[types];
        long[] p50 = new long[types];
        long[] p95 = new long[types];
        long[] p99 = new long[types];
        for (int t = 0; t < types; t++) {
            long[] now = after[t];
            long[] then = before == null ? new long[now.length] : before[t];
            calls[t] = Math.max(0, now[0] - then[0]);
            errors[t] = Math.min(calls[t], Math.max(0, now[1] - then[1]));
            sums[t] = Math.max(0, now[2] - then[2]);
            long[] fine = new long[LatencyHistogram.BUCKETS];
            for (int b = 0; b < fine.length; b++) {
                fine[b] = Math.max(0, now[3 + b] - then[3 + b]);
            }
            long[] percentiles = LatencyHistogram.percentilesNanos(fine, calls[t], 50, 95, 99);
            p50[t] = percentiles[0];
            p95[t] = percentiles[1];
            p99[t] = percentiles[2];
        }
        return new Slot(startMillis, calls, errors, sums, p50, p95, p99);
    }

    /** Everything counted since creation, as one slot starting then. Costs the number of operations. */
    public Slot sinceStart() {
        return difference(createdMillis, operations.totalsByType(), null);
    }

    /** Seconds since this history started, at least one millisecond's worth. */
    public double secondsSinceStart() {
        return Math.max(1, millis.getAsLong() - createdMillis) / 1000.0;
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
