package io.measured.internal.buffer;

import io.measured.OperationType;
import io.measured.TypeStats;
import java.util.EnumMap;
import java.util.Map;

/**
 * Computes per-type statistics over the rows a ring holds, reading only types and durations (no
 * metric objects) and finding exact nearest-rank percentiles without a full sort (see
 * {@link Percentiles}).
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
        double[] p = Percentiles.ranks(values, from, to, min, max,
                rank(50, length), rank(95, length), rank(99, length));
        return new TypeStats(length, sum / length, min, max, p[0], p[1], p[2]);
    }

    /** Zero-based index of the nearest-rank percentile: the ceil(p/100 * n)-th smallest value. */
    static int rank(double percent, int length) {
        return Math.max(1, (int) Math.ceil(percent / 100.0 * length)) - 1;
    }
}
