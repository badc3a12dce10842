package io.measured.internal.buffer;

import io.measured.internal.stats.OperationCounter;

/**
 * A place calls are recorded from, resolved once: its type, its name as tracked, its cumulative
 * counter and its rows' {@link RowCode operation code}, so recording a call needs no lookup.
 * Immutable and thread-safe.
 */
public final class Site {

    final int type;
    final String name;
    final OperationCounter counter;
    final long code;

    Site(int type, String name, OperationCounter counter, long code) {
        this.type = type;
        this.name = name;
        this.counter = counter;
        this.code = code;
    }

    /** The ordinal of the operation type calls are recorded under. */
    public int type() {
        return type;
    }

    /** The operation name calls are recorded under, cut to the metadata length limit. */
    public String name() {
        return name;
    }
}
