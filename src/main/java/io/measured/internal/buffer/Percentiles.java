package io.measured.internal.buffer;

import java.util.Arrays;

/**
 * Exact nearest-rank percentiles of non-negative doubles without sorting them all: the bit
 * patterns of non-negative doubles order like the values, so one pass counts values into 2,048
 * buckets of bit patterns between the minimum and the maximum, the buckets holding the wanted
 * ranks are found from the counts, and a second pass gathers just those buckets' values, which
 * are few, to sort. Branch-free passes instead of a selection's data-dependent branches.
 */
final class Percentiles {

    private static final int BUCKET_BITS = 11;
    private static final int SMALL = 256;

    private Percentiles() {
    }

    /**
     * Returns the values of the given zero-based ranks, ascending ranks in, in
     * {@code values[from, to)}, whose smallest and largest values are given.
     */
    static double[] ranks(double[] values, int from, int to, double min, double max, int... ranks) {
        double[] result = new double[ranks.length];
        int length = to - from;
        if (length <= SMALL || min == max) {
            if (min == max) {
                Arrays.fill(result, min);
                return result;
            }
            Arrays.sort(values, from, to);
            for (int i = 0; i < ranks.length; i++) {
                result[i] = values[from + ranks[i]];
            }
            return result;
        }
        long low = Double.doubleToRawLongBits(min);
        long range = Double.doubleToRawLongBits(max) - low;
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(range) - BUCKET_BITS);
        int[] counts = new int[(int) (range >>> shift) + 1];
        for (int i = from; i < to; i++) {
            counts[(int) ((Double.doubleToRawLongBits(values[i]) - low) >>> shift)]++;
        }
        // For each rank: its bucket and its position among that bucket's values.
        int[] buckets = new int[ranks.length];
        int[] offsets = new int[ranks.length];
        int bucket = 0;
        int before = 0;
        for (int r = 0; r < ranks.length; r++) {
            while (before + counts[bucket] <= ranks[r]) {
                before += counts[bucket++];
            }
            buckets[r] = bucket;
            offsets[r] = ranks[r] - before;
        }
        for (int r = 0; r < ranks.length; r++) {
            if (r > 0 && buckets[r] == buckets[r - 1]) {
                continue;
            }
            double[] members = new double[counts[buckets[r]]];
            int found = 0;
            for (int i = from; i < to; i++) {
                if ((int) ((Double.doubleToRawLongBits(values[i]) - low) >>> shift) == buckets[r]) {
                    members[found++] = values[i];
                }
            }
            Arrays.sort(members);
            for (int same = r; same < ranks.length && buckets[same] == buckets[r]; same++) {
                result[same] = members[offsets[same]];
            }
        }
        return result;
    }
}
