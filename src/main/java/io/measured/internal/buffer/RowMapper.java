package io.measured.internal.buffer;

import java.util.Map;

/**
 * Turns a row a query answers into the caller's value: the core hands over a row's fields and
 * never builds a public type itself.
 *
 * @param <T> what a row becomes
 */
@FunctionalInterface
public interface RowMapper<T> {

    /**
     * @param type the operation type's ordinal
     * @param name the operation name
     * @param epochMilli when the call ended, in epoch milliseconds
     * @param durationMs the call's duration
     * @param processId the recording process's id
     * @param metadata the row's metadata; unmodifiable, never null
     * @return the value; never null
     */
    T map(int type, String name, long epochMilli, double durationMs, long processId, Map<String, String> metadata);
}
