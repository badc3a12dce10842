package io.measured.internal.buffer;

import io.measured.Metric;
import io.measured.OperationType;
import io.measured.TypeStats;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Computes per-type statistics over a snapshot of buffered metrics. */
public final class BufferStatistics {

    private BufferStatistics() {
    }

    /** Returns the statistics of every type; a type with no metric gets {@link TypeStats#EMPTY}. */
    public static Map<OperationType, TypeStats> byType(List<Metric> metrics) {
        OperationType[] types = OperationType.values();
        double[][] durations = new double[types.length][metrics.size()];
        int[] counts = new int[types.length];
        for (Metric metric : metrics) {
            int t = metric.operationType().ordinal();
            durations[t][counts[t]++] = metric.durationMs();
        }
        Map<OperationType, TypeStats> result = new EnumMap<>(OperationType.class);
        for (OperationType type : types) {
            result.put(type, of(durations[type.ordinal()], counts[type.ordinal()]));
        }
        return result;
    }

    static TypeStats of(double[] values, int length) {
        if (length == 0) {
            return TypeStats.EMPTY;
        }
        Arrays.sort(values, 0, length);
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += values[i];
        }
        return new TypeStats(length, sum / length, values[0], values[length - 1],
                Percentiles.nearestRank(values, length, 50),
                Percentiles.nearestRank(values, length, 95),
                Percentiles.nearestRank(values, length, 99));
    }
}
