package io.measured;

import java.time.Instant;
import java.util.Map;

/**
 * What happened per type during one slot of {@link MetricsBuffer#getHistory()}: counted from the
 * cumulative statistics, so every call counts, sampled or not. Immutable and thread-safe.
 *
 * @param start the slot's start; slots are {@code seconds} long and aligned to the wall clock
 * @param seconds the slot's length in seconds, {@code >= 1}
 * @param byType every type, with zeros where nothing was called
 */
public record HistorySlot(Instant start, int seconds, Map<OperationType, Totals> byType) {

    /**
     * Copies the map.
     *
     * @param start the slot's start; not null
     * @param seconds the slot's length in seconds, {@code >= 1}
     * @param byType every type's totals; not null
     * @throws NullPointerException if the map or one of its entries is null
     */
    public HistorySlot {
        byType = Map.copyOf(byType);
    }

    /**
     * One type's calls in a slot.
     *
     * @param calls calls that ended in the slot, {@code >= 0}
     * @param errors of them, those that failed, {@code 0 .. calls}
     * @param callsPerSecond calls over the slot's length
     * @param avgDurationMs mean duration, 0 without calls
     * @param p50DurationMs the median, from a histogram whose buckets are at most 12.5 % wide (the
     *        upper bound of the bucket holding it); 0 without calls
     * @param p95DurationMs the 95th percentile, likewise
     * @param p99DurationMs the 99th percentile, likewise
     */
    public record Totals(long calls, long errors, double callsPerSecond, double avgDurationMs, double p50DurationMs,
            double p95DurationMs, double p99DurationMs) {
    }
}
