package io.measured.internal.stats;

import io.measured.OperationStats;
import io.measured.OperationType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    private static final Comparator<OperationStats> ORDER = Comparator
            .comparing(OperationStats::operationType)
            .thenComparing(OperationStats::operationName);

    private final int maxOperations;
    private final String overflowName;
    private final CellLayout layout;
    private final AtomicInteger tracked = new AtomicInteger();
    private final Map<OperationType, ConcurrentHashMap<String, OperationCounter>> byType =
            new EnumMap<>(OperationType.class);
    private final Map<OperationType, OperationCounter> overflow = new EnumMap<>(OperationType.class);
    /** Indexed by id; grows by doubling under this object's lock, read without it. */
    private volatile OperationCounter[] byId = new OperationCounter[16];

    /**
     * @param maxOperations how many distinct operations to track; {@code >= 1}
     * @param overflowName the name under which calls beyond the cap are counted
     * @param bounds the upper bounds of every operation's histogram buckets
     */
    public OperationRegistry(int maxOperations, String overflowName, BucketBounds bounds) {
        if (maxOperations < 1) {
            throw new IllegalArgumentException("maxOperations must be >= 1, was " + maxOperations);
        }
        this.maxOperations = maxOperations;
        this.overflowName = overflowName;
        this.layout = new CellLayout(bounds);
        for (OperationType type : OperationType.values()) {
            byType.put(type, new ConcurrentHashMap<>());
            OperationCounter counter = new OperationCounter(type.ordinal(), type, overflowName, layout);
            overflow.put(type, counter);
            publish(counter);
        }
    }

    /** Returns the counter of an operation, registering it (or its overflow) on first use. Thread-safe. */
    public OperationCounter counterFor(OperationType type, String name) {
        if (name.equals(overflowName)) {
            return overflow.get(type);
        }
        ConcurrentHashMap<String, OperationCounter> counters = byType.get(type);
        OperationCounter counter = counters.get(name);
        if (counter != null) {
            return counter;
        }
        if (tracked.get() >= maxOperations) {
            return overflow.get(type); // full: a new name costs no write to shared state
        }
        // Registered inside the map's computation, so a counter is findable by id before any
        // thread can get it by name (and write a row naming it).
        counter = counters.computeIfAbsent(name, n -> register(type, n));
        return counter != null ? counter : overflow.get(type);
    }

    /** Whether calls of this counter are those beyond the operation cap. */
    public boolean isOverflow(OperationCounter counter) {
        return counter.id() < OperationType.values().length;
    }

    /**
     * Returns the counter with this id. Thread-safe; the id must come from a counter this registry
     * returned, or from a row written with one.
     */
    public OperationCounter byId(int id) {
        return byId[id];
    }

    /** A new tracked operation, or null when the cap is reached. */
    private OperationCounter register(OperationType type, String name) {
        int count = tracked.incrementAndGet();
        if (count > maxOperations) {
            tracked.decrementAndGet();
            return null;
        }
        // Counts above the cap are undone at once, so each successful registration sees a count no other saw.
        OperationCounter created = new OperationCounter(OperationType.values().length + count - 1, type, name, layout);
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
    public List<OperationStats> snapshot() {
        List<OperationStats> result = new ArrayList<>();
        for (OperationType type : OperationType.values()) {
            for (OperationCounter counter : byType.get(type).values()) {
                addIfCalled(result, counter.snapshot());
            }
            addIfCalled(result, overflow.get(type).snapshot());
        }
        result.sort(ORDER);
        return result;
    }

    /**
     * Per type (by ordinal), the totals of every operation, as {@link OperationCounter#addTo} lays
     * them out; the cost grows with the number of operations.
     */
    long[][] totalsByType() {
        long[][] totals = new long[OperationType.values().length][3 + LatencyHistogram.BUCKETS];
        for (OperationType type : OperationType.values()) {
            for (OperationCounter counter : byType.get(type).values()) {
                counter.addTo(totals[type.ordinal()]);
            }
            overflow.get(type).addTo(totals[type.ordinal()]);
        }
        return totals;
    }

    private static void addIfCalled(List<OperationStats> result, OperationStats stats) {
        // A counter created by a racing first call may not have counted it yet.
        if (stats.count() > 0) {
            result.add(stats);
        }
    }
}
