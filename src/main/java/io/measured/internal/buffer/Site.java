package io.measured.internal.buffer;

import io.measured.OperationType;
import io.measured.internal.stats.OperationCounter;

/**
 * A place calls are recorded from, resolved once: its type, its name as tracked, its cumulative
 * counter and its rows' {@link RowCode operation code}, so recording a call needs no lookup.
 */
public final class Site {

    final OperationType type;
    final String name;
    final OperationCounter counter;
    final long code;

    Site(OperationType type, String name, OperationCounter counter, long code) {
        this.type = type;
        this.name = name;
        this.counter = counter;
        this.code = code;
    }
}
