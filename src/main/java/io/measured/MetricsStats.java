package io.measured;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of a {@link MetricsBuffer}'s contents, computed over the metrics it holds at the time
 * of the call. Immutable and thread-safe.
 *
 * @param totalCount how many metrics the buffer holds; {@code 0 .. maxSize}
 * @param maxSize the buffer's capacity; {@code >= 1}
 * @param processId the id of this process
 * @param samplingRates the sampling rate of every type, each in {@code [0, 1]}; holds every type;
 *        unmodifiable
 * @param byType the statistics of every type ({@link TypeStats#EMPTY} for a type with no metric);
 *        holds every type; unmodifiable
 */
public record MetricsStats(int totalCount, int maxSize, long processId,
        Map<OperationType, Double> samplingRates, Map<OperationType, TypeStats> byType) {

    /**
     * Copies the maps so the snapshot stays unmodifiable; they iterate in type declaration order.
     *
     * @param totalCount how many metrics the buffer holds
     * @param maxSize the buffer's capacity
     * @param processId the id of this process
     * @param samplingRates the sampling rate of every type; not null
     * @param byType the statistics of every type; not null
     * @throws NullPointerException if a map is null
     */
    public MetricsStats {
        samplingRates = unmodifiableCopy(samplingRates);
        byType = unmodifiableCopy(byType);
    }

    private static <V> Map<OperationType, V> unmodifiableCopy(Map<OperationType, V> map) {
        Map<OperationType, V> copy = new EnumMap<>(OperationType.class);
        copy.putAll(map);
        return Collections.unmodifiableMap(copy);
    }
}
