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
        Scratch scratch = new Scratch(ring.capacity());
        ring.visit(scratch);
        // Counting sort by type into one array: each type's durations become one contiguous range.
        int[] starts = new int[types.length + 1];
        for (int i = 0; i < scratch.size; i++) {
            starts[scratch.types[i] + 1]++;
        }
        for (int t = 0; t < types.length; t++) {
            starts[t + 1] += starts[t];
        }
        double[] grouped = new double[scratch.size];
        int[] next = starts.clone();
        for (int i = 0; i < scratch.size; i++) {
            grouped[next[scratch.types[i]]++] = scratch.durations[i];
        }
        Map<OperationType, TypeStats> result = new EnumMap<>(OperationType.class);
        for (OperationType type : types) {
            int t = type.ordinal();
            result.put(type, of(grouped, starts[t], starts[t + 1]));
        }
        return result;
    }

    /** Types and durations of the rows visited, in visit order. */
    private static final class Scratch implements MetricRing.DurationVisitor {
        final byte[] types;
        final double[] durations;
        int size;

        Scratch(int capacity) {
            types = new byte[capacity];
            durations = new double[capacity];
        }

        @Override
        public void visit(OperationType type, double durationMs) {
            if (size < durations.length) {
                types[size] = (byte) type.ordinal();
                durations[size++] = durationMs;
            }
        }
    }

    static TypeStats of(double[] values, int length) {
        return of(values, 0, length);
    }

    /** Statistics of {@code values[from, to)}, which it reorders. */
    static TypeStats of(double[] values, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return TypeStats.EMPTY;
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double value = values[i];
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        int r50 = from + rank(50, length);
        int r95 = from + rank(95, length);
        int r99 = from + rank(99, length);
        // After selecting a rank, larger ranks lie at or after it: each later search is narrower.
        double p50 = Selection.select(values, from, to, r50);
        double p95 = Selection.select(values, r50, to, r95);
        double p99 = Selection.select(values, r95, to, r99);
        return new TypeStats(length, sum / length, min, max, p50, p95, p99);
    }

    /** Zero-based index of the nearest-rank percentile: the ceil(p/100 * n)-th smallest value. */
    static int rank(double percent, int length) {
        return Math.max(1, (int) Math.ceil(percent / 100.0 * length)) - 1;
    }
}
