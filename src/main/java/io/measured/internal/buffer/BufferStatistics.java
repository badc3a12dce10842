package io.measured.internal.buffer;

import io.measured.OperationType;
import io.measured.TypeStats;
import java.util.EnumMap;
import java.util.Map;

/**
 * Computes per-type statistics over the rows a ring holds, reading only types and durations (no
 * metric objects) and finding nearest-rank percentiles by selection, not by sorting.
 */
public final class BufferStatistics {

    private BufferStatistics() {
    }

    /** Statistics of every type; a type with no row gets {@link TypeStats#EMPTY}. */
    public static Map<OperationType, TypeStats> byType(StripedRing ring) {
        OperationType[] types = OperationType.values();
        int capacity = ring.capacity();
        double[][] durations = new double[types.length][];
        int[] counts = new int[types.length];
        ring.visit((type, duration) -> {
            int t = type.ordinal();
            if (durations[t] == null) {
                durations[t] = new double[capacity];
            }
            if (counts[t] < capacity) {
                durations[t][counts[t]++] = duration;
            }
        });
        Map<OperationType, TypeStats> result = new EnumMap<>(OperationType.class);
        for (OperationType type : types) {
            int t = type.ordinal();
            result.put(type, of(durations[t], counts[t]));
        }
        return result;
    }

    static TypeStats of(double[] values, int length) {
        if (length == 0) {
            return TypeStats.EMPTY;
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            double value = values[i];
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        int r50 = rank(50, length);
        int r95 = rank(95, length);
        int r99 = rank(99, length);
        // After selecting a rank, larger ranks lie at or after it: each later search is narrower.
        double p50 = Selection.select(values, 0, length, r50);
        double p95 = Selection.select(values, r50, length, r95);
        double p99 = Selection.select(values, r95, length, r99);
        return new TypeStats(length, sum / length, min, max, p50, p95, p99);
    }

    /** Zero-based index of the nearest-rank percentile: the ceil(p/100 * n)-th smallest value. */
    static int rank(double percent, int length) {
        return Math.max(1, (int) Math.ceil(percent / 100.0 * length)) - 1;
    }
}
