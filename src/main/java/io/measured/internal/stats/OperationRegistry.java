package io.measured.internal.stats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cumulative statistics per (type, operation name) since creation, for every recorded call.
 *
 * <p>Invariant: at most {@code maxOperations} distinct names are tracked across all types; the
 * calls of any further name are counted in its type's overflow operation, so memory stays bounded
 * whatever names callers make up. Every counter has an id, unique and never reused, by which buffer
 * rows name their operation: the overflow counters have {@code 0 .. typeCount - 1}, a tracked one
 * {@code typeCount} plus its slot in the table.
 *
 * <p>Finding or registering an operation never waits for another thread: the tracked counters live
 * in an open-addressing table of at least twice {@code maxOperations} slots, made once, whose
 * slots are only ever filled (by a compare-and-set), never emptied or moved. A lookup probes at
 * most the slots filled so far, so it ends in a bounded number of its own steps.
 */
public final class OperationRegistry {

    private static final Comparator<OperationCounter> BY_TYPE_THEN_NAME = Comparator
            .comparingInt(OperationCounter::type)
            .thenComparing(OperationCounter::name);
    private static final Comparator<OperationSnapshot> ORDER = Comparator
            .comparingInt(OperationSnapshot::type)
            .thenComparing(OperationSnapshot::name);
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(OperationCounter[].class);

    private final int typeCount;
    private final int maxOperations;
    private final String overflowName;
    private final CellLayout layout;
    /** Registrations made or in progress; never above {@code maxOperations} once each has settled. */
    private final AtomicInteger tracked = new AtomicInteger();
    /** The tracked counters; a power of two long, at least twice {@code maxOperations}. */
    private final OperationCounter[] table;
    /** Per type ordinal, the operation counting calls beyond the cap. */
    private final OperationCounter[] overflow;

    /**
     * @param typeCount how many operation types there are; {@code >= 1}; types are their ordinals
     * @param maxOperations how many distinct operations to track; {@code 1 .. 2^24}
     * @param overflowName the name under which calls beyond the cap are counted
     * @param bounds the upper bounds of every operation's histogram buckets
     */
    public OperationRegistry(int typeCount, int maxOperations, String overflowName, BucketBounds bounds) {
        if (maxOperations < 1 || maxOperations > 1 << 24) {
            throw new IllegalArgumentException("maxOperations must be within 1 .. 2^24 (16777216), was " + maxOperations);
        }
        this.typeCount = typeCount;
        this.maxOperations = maxOperations;
        this.overflowName = overflowName;
        this.layout = new CellLayout(bounds);
        this.table = new OperationCounter[Math.max(16, Integer.highestOneBit(maxOperations) << 2)];
        this.overflow = new OperationCounter[typeCount];
        for (int type = 0; type < typeCount; type++) {
            overflow[type] = new OperationCounter(type, type, overflowName, layout);
        }
    }

    /**
     * Returns the counter of an operation, registering it (or its overflow) on first use.
     * Thread-safe; never waits for another thread.
     *
     * @param type the type's ordinal, below the type count given to the constructor
     */
    public OperationCounter counterFor(int type, String name) {
        if (name.equals(overflowName)) {
            return overflow[type];
        }
        int mask = table.length - 1;
        int slot = spread(name.hashCode() * 31 + type) & mask;
        for (int probes = 0; probes < table.length; probes++, slot = (slot + 1) & mask) {
            OperationCounter found = (OperationCounter) SLOTS.getAcquire(table, slot);
            if (found == null) {
                found = register(type, name, slot);
                if (found == null) {
                    return overflow[type];
                }
            }
            if (found.type() == type && found.name().equals(name)) {
                return found;
            }
        }
        return overflow[type]; // unreachable: at most half the slots are ever filled
    }

    /**
     * Fills the empty {@code slot} with a new counter of the operation if the cap allows; returns
     * what the slot holds then (this counter, or another thread's, of any operation), or null when
     * the cap is reached. The counter is in the table before any thread can get it by name (and
     * write a row naming it), so it is findable by id from then on.
     */
    private OperationCounter register(int type, String name, int slot) {
        if (tracked.get() >= maxOperations) {
            return null; // full: a new name costs no write to shared state
        }
        if (tracked.incrementAndGet() > maxOperations) {
            tracked.decrementAndGet();
            return null;
        }
        OperationCounter created = new OperationCounter(typeCount + slot, type, name, layout);
        OperationCounter witness = (OperationCounter) SLOTS.compareAndExchangeRelease(table, slot, null, created);
        if (witness != null) {
            tracked.decrementAndGet(); // another registration took the slot: this one is given back
            return witness;
        }
        return created;
    }

    /** Spreads a hash's bits to the low ones the table indexes by (Fibonacci hashing). */
    private static int spread(int hash) {
        int mixed = hash * 0x9E3779B9;
        return mixed ^ (mixed >>> 16);
    }

    /** Whether calls of this counter are those beyond the operation cap. */
    public boolean isOverflow(OperationCounter counter) {
        return counter.id() < typeCount;
    }

    /**
     * Returns the counter with this id. Thread-safe; the id must come from a counter this registry
     * returned, or from a row written with one.
     */
    public OperationCounter byId(int id) {
        return id < typeCount ? overflow[id] : (OperationCounter) SLOTS.getAcquire(table, id - typeCount);
    }

    /**
     * Returns the statistics of every operation with at least one call, ordered by type then name;
     * the cost grows with the number of operations, not of calls.
     */
    public List<OperationSnapshot> snapshot() {
        List<OperationSnapshot> result = new ArrayList<>();
        for (OperationCounter counter : tracked()) {
            addIfCalled(result, counter.snapshot());
        }
        for (OperationCounter counter : overflow) {
            addIfCalled(result, counter.snapshot());
        }
        result.sort(ORDER);
        return result;
    }

    /**
     * Reads the statistics of every operation with at least one call (of one type ordinal, or of
     * {@link OperationTable#ALL_TYPES}) in one pass, ordered by type then name. Thread-safe; costs
     * one read of each counter and a sort by name, and allocates a row of longs per operation.
     */
    public OperationTable table(int typeOrAll) {
        OperationCounter[] ordered = new OperationCounter[Math.min(tracked.get(), maxOperations) + typeCount];
        int count = 0;
        for (int slot = 0; slot < table.length; slot++) {
            OperationCounter counter = (OperationCounter) SLOTS.getAcquire(table, slot);
            if (counter != null && (typeOrAll == OperationTable.ALL_TYPES || counter.type() == typeOrAll)) {
                ordered = roomFor(ordered, count);
                ordered[count++] = counter;
            }
        }
        for (OperationCounter counter : overflow) {
            if (typeOrAll == OperationTable.ALL_TYPES || counter.type() == typeOrAll) {
                ordered = roomFor(ordered, count);
                ordered[count++] = counter;
            }
        }
        Arrays.sort(ordered, 0, count, BY_TYPE_THEN_NAME);
        return OperationTable.read(ordered, count, layout);
    }

    /** Operations registered since the count was read get room too. */
    private static OperationCounter[] roomFor(OperationCounter[] ordered, int count) {
        return count < ordered.length ? ordered : Arrays.copyOf(ordered, count * 2 + 1);
    }

    /**
     * Per type (by ordinal), the totals of every operation, as {@link OperationCounter#addTo} lays
     * them out; the cost grows with the number of operations.
     */
    long[][] totalsByType() {
        long[][] totals = new long[typeCount][3 + LatencyHistogram.BUCKETS];
        for (OperationCounter counter : tracked()) {
            counter.addTo(totals[counter.type()]);
        }
        for (OperationCounter counter : overflow) {
            counter.addTo(totals[counter.type()]);
        }
        return totals;
    }

    /** The tracked counters registered so far, in slot order. */
    private List<OperationCounter> tracked() {
        List<OperationCounter> counters = new ArrayList<>(Math.min(tracked.get(), maxOperations));
        for (int slot = 0; slot < table.length; slot++) {
            OperationCounter counter = (OperationCounter) SLOTS.getAcquire(table, slot);
            if (counter != null) {
                counters.add(counter);
            }
        }
        return counters;
    }

    private static void addIfCalled(List<OperationSnapshot> result, OperationSnapshot stats) {
        // A counter created by a racing first call may not have counted it yet.
        if (stats.calls() > 0) {
            result.add(stats);
        }
    }
}
