package io.measured.internal.buffer;

import io.measured.OperationType;
import io.measured.internal.stats.OperationCounter;

/**
 * A place calls are recorded from, resolved once: its type, its name as tracked, and its
 * cumulative counter, so recording a call needs no lookup.
 */
public final class Site {

    final OperationType type;
    final String name;
    final OperationCounter counter;

    Site(OperationType type, String name, OperationCounter counter) {
        this.type = type;
        this.name = name;
        this.counter = counter;
    }
}
