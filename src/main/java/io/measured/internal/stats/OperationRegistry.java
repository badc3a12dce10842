package io.measured.internal.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cumulative statistics per (type, operation name) since creation, for every recorded call.
 *
 * <p>Invariant: at most {@code maxOperations} distinct names are tracked across all types; the
 * calls of any further name are counted in its type's overflow operation, so memory stays bounded
 * whatever names callers make up. Every counter has an id, dense from 0 and never reused, by which
 * buffer rows name their operation: the overflow counters first, one per type, then each tracked
 * operation in the order it was registered.
 */
public final class OperationRegistry {

    private static final Comparator<OperationSnapshot> ORDER = Comparator
            .comparingInt(OperationSnapshot::type)
            .thenComparing(OperationSnapshot::name);

    private final int typeCount;
    private final int maxOperations;
    private final String overflowName;
    private final CellLayout layout;
    private final AtomicInteger tracked = new AtomicInteger();
    /** Per type ordinal, the tracked operations by name. */
    private final ConcurrentHashMap<String, OperationCounter>[] byType;
    /** Per type ordinal, the operation counting calls beyond the cap. */
    private final OperationCounter[] overflow;
    /** Indexed by id; grows by doubling under this object's lock, read without it. */
    private volatile OperationCounter[] byId = new OperationCounter[16];

    /**
     * @param typeCount how many operation types there are; {@code >= 1}; types are their ordinals
     * @param maxOperations how many distinct operations to track; {@code >= 1}
     * @param overflowName the name under which calls beyond the cap are counted
     * @param bounds the upper bounds of every operation's histogram buckets
     */
    @SuppressWarnings("unchecked")
    public OperationRegistry(int typeCount, int maxOperations, String overflowName, BucketBounds bounds) {
        if (maxOperations < 1) {
            throw new IllegalArgumentException("maxOperations must be >= 1, was " + maxOperations);
        }
        this.typeCount = typeCount;
        this.maxOperations = maxOperations;
        this.overflowName = overflowName;
        this.layout = new CellLayout(bounds);
        this.byType = new ConcurrentHashMap[typeCount];
        this.overflow = new OperationCounter[typeCount];
        for (int type = 0; type < typeCount; type++) {
            byType[type] = new ConcurrentHashMap<>();
            overflow[type] = new OperationCounter(type, type, overflowName, layout);
            publish(overflow[type]);
        }
    }

    /**
     * Returns the counter of an operation, registering it (or its overflow) on first use.
     * Thread-safe.
     *
     * @param type the type's ordinal, below the type count given to the constructor
     */
    public OperationCounter counterFor(int type, String name) {
        if (name.equals(overflowName)) {
            return overflow[type];
        }
        ConcurrentHashMap<String, OperationCounter> counters = byType[type];
        OperationCounter counter = counters.get(name);
        if (counter != null) {
            return counter;
        }
        if (tracked.get() >= maxOperations) {
            return overflow[type]; // full: a new name costs no write to shared state
        }
        // Registered inside the map's computation, so a counter is findable by id before any
        // thread can get it by name (and write a row naming it).
        counter = counters.computeIfAbsent(name, n -> register(type, n));
        return counter != null ? counter : overflow[type];
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
        return byId[id];
    }

    /** A new tracked operation, or null when the cap is reached. */
    private OperationCounter register(int type, String name) {
        int count = tracked.incrementAndGet();
        if (count > maxOperations) {
            tracked.decrementAndGet();
            return null;
        }
        // Counts above the cap are undone at once, so each successful registration sees a count no other saw.
        OperationCounter created = new OperationCounter(typeCount + count - 1, type, name, layout);
        publish(created);
        return created;
    }

    private synchronized void publish(OperationCounter counter) {
        OperationCounter[] table = byId;
        if (counter.id() >= table.length) {
            table = Arrays.copyOf(table, Math.max(table.length * 2, counter.id() + 1));
        }
        table[counter.id()] = counter;
        byId = table;
    }

    /**
     * Returns the statistics of every operation with at least one call, ordered by type then name;
     * the cost grows with the number of operations, not of calls.
     */
    public List<OperationSnapshot> snapshot() {
        List<OperationSnapshot> result = new ArrayList<>();
        for (int type = 0; type < typeCount; type++) {
            for (OperationCounter counter : byType[type].values()) {
                addIfCalled(result, counter.snapshot());
            }
            addIfCalled(result, overflow[type].snapshot());
        }
        result.sort(ORDER);
        return result;
    }

    /**
     * Per type (by ordinal), the totals of every operation, as {@link OperationCounter#addTo} lays
     * them out; the cost grows with the number of operations.
     */
    long[][] totalsByType() {
        long[][] totals = new long[typeCount][3 + LatencyHistogram.BUCKETS];
        for (int type = 0; type < typeCount; type++) {
            for (OperationCounter counter : byType[type].values()) {
                counter.addTo(totals[type]);
            }
            overflow[type].addTo(totals[type]);
        }
        return totals;
    }

    private static void addIfCalled(List<OperationSnapshot> result, OperationSnapshot stats) {
        // A counter created by a racing first call may not have counted it yet.
        if (stats.calls() > 0) {
            result.add(stats);
        }
    }
}
