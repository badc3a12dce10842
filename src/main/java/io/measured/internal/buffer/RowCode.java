package io.measured.internal.buffer;

import io.measured.internal.stats.OperationCounter;
import io.measured.internal.stats.OperationRegistry;
import io.measured.internal.stats.Outcomes;
import java.util.Map;

/**
 * How a {@link MetricRing} row names its operation and metadata without storing a reference in
 * the common case: one long holds the operation's id in the {@link OperationRegistry}, the type's
 * ordinal, whether the row carries a name of its own (calls beyond the operation cap, counted in
 * the overflow operation but listed under their own names), and what its metadata is: none, the
 * interceptor's shared {@link Outcomes#SUCCESS_METADATA}, or a map held by reference. What is held
 * by reference (a name, a map, or both as a {@link NamedMetadata}) is the row's extra.
 *
 * <p>Layout: bits 0-31 operation id; 32-39 type ordinal; 40 own name; 41-42 metadata kind.
 */
final class RowCode {

    private static final int TYPE_SHIFT = 32;
    private static final long OWN_NAME = 1L << 40;
    private static final int KIND_SHIFT = 41;
    private static final long KIND_NONE = 0;
    private static final long KIND_SUCCESS = 1L << KIND_SHIFT;
    private static final long KIND_EXTRA = 2L << KIND_SHIFT;
    private static final long KIND_MASK = 3L << KIND_SHIFT;

    /** A row's own name and its metadata, both held by reference (the only extra allocated per row). */
    record NamedMetadata(String name, Map<String, String> metadata) {
    }

    private RowCode() {
    }

    /**
     * The code of rows named {@code name} and counted by {@code counter}, before their metadata is
     * known. Rows counted as overflow carry their own name.
     */
    static long operation(OperationRegistry operations, OperationCounter counter, String name) {
        long code = (counter.id() & 0xFFFF_FFFFL) | ((long) counter.type() << TYPE_SHIFT);
        return operations.isOverflow(counter) && !counter.name().equals(name) ? code | OWN_NAME : code;
    }

    /** Adds a row's metadata kind to its operation code. */
    static long withMetadata(long operation, Map<String, String> metadata) {
        if (metadata == Outcomes.SUCCESS_METADATA) {
            return operation | KIND_SUCCESS;
        }
        return metadata.isEmpty() ? operation | KIND_NONE : operation | KIND_EXTRA;
    }

    /** The reference a row with this code holds: null, its name, its metadata, or both. */
    static Object extra(long code, String name, Map<String, String> metadata) {
        boolean ownName = (code & OWN_NAME) != 0;
        boolean mapHeld = (code & KIND_MASK) == KIND_EXTRA;
        if (ownName) {
            return mapHeld ? new NamedMetadata(name, metadata) : name;
        }
        return mapHeld ? metadata : null;
    }

    static int typeOrdinal(long code) {
        return (int) (code >>> TYPE_SHIFT) & 0xFF;
    }

    /** Hands the fields of the metric a row holds to {@code mapper}. */
    @SuppressWarnings("unchecked")
    static <T> T map(RowView row, OperationRegistry operations, long processId, RowMapper<T> mapper) {
        long code = row.code;
        Object extra = row.extra;
        String name;
        Object held;
        if ((code & OWN_NAME) != 0) {
            boolean both = extra instanceof NamedMetadata;
            name = both ? ((NamedMetadata) extra).name() : (String) extra;
            held = both ? ((NamedMetadata) extra).metadata() : null;
        } else {
            name = operations.byId((int) code).name();
            held = extra;
        }
        long kind = code & KIND_MASK;
        Map<String, String> metadata = kind == KIND_SUCCESS ? Outcomes.SUCCESS_METADATA
                : kind == KIND_EXTRA ? (Map<String, String>) held : Map.of();
        return mapper.map(typeOrdinal(code), name, row.epochMilli, row.durationMs, processId, metadata);
    }
}
