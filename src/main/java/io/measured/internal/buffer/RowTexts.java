package io.measured.internal.buffer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Small ids for the operation names and constant metadata maps that rows repeat, so recording a
 * row stores only primitives. Storing object references into the (old, long-lived) row arrays
 * would make every record pay the collector's card-marking barrier, and threads recording at once
 * contend on the card table. Past {@link #MAX_NAMES} names, or for metadata that is not a
 * registered constant, a row stores the reference itself (id {@link #NONE}).
 */
final class RowTexts {

    static final int NONE = -1;
    static final int MAX_NAMES = 4096;
    private static final int MAX_CONSTANTS = 16;

    private final ConcurrentHashMap<String, Integer> nameIds = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<String> names = new AtomicReferenceArray<>(MAX_NAMES);
    private final AtomicInteger nameCount = new AtomicInteger();
    private final AtomicReferenceArray<Map<String, String>> constants = new AtomicReferenceArray<>(MAX_CONSTANTS);
    private final AtomicInteger constantCount = new AtomicInteger();

    RowTexts() {
        constant(Map.of());
    }

    /** The id of a name, registering it while there is room; {@link #NONE} when full. */
    int nameId(String name) {
        Integer id = nameIds.get(name);
        if (id != null) {
            return id;
        }
        if (nameCount.get() >= MAX_NAMES) {
            return NONE;
        }
        synchronized (this) {
            id = nameIds.get(name);
            if (id != null) {
                return id;
            }
            int next = nameCount.get();
            if (next >= MAX_NAMES) {
                return NONE;
            }
            names.set(next, name);
            nameCount.set(next + 1);
            nameIds.put(name, next);
            return next;
        }
    }

    String name(int id) {
        return names.get(id);
    }

    /** Registers an unmodifiable map that callers pass by the same reference again and again. */
    synchronized int constant(Map<String, String> metadata) {
        int found = constantId(metadata);
        if (found != NONE) {
            return found;
        }
        int next = constantCount.get();
        if (next >= MAX_CONSTANTS) {
            return NONE;
        }
        constants.set(next, metadata);
        constantCount.set(next + 1);
        return next;
    }

    /** The id of a registered constant, by identity; {@link #NONE} for any other map. */
    int constantId(Map<String, String> metadata) {
        int count = constantCount.get();
        for (int i = 0; i < count; i++) {
            if (constants.get(i) == metadata) {
                return i;
            }
        }
        return NONE;
    }

    Map<String, String> constantMap(int id) {
        return constants.get(id);
    }
}
