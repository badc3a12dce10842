package io.measured.internal.buffer;

import java.util.Arrays;

/**
 * In-place selection of the k-th smallest value (introselect: quickselect with median-of-three
 * pivots, falling back to sorting a range that partitions badly), so percentiles need no full
 * sort: expected linear time.
 */
final class Selection {

    private static final int SMALL = 32;

    private Selection() {
    }

    /**
     * Rearranges {@code values[from, to)} so that {@code values[k]} is the value a sort would put
     * there, everything before it is not larger, everything after it not smaller.
     */
    static double select(double[] values, int from, int to, int k) {
        int low = from;
        int high = to - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, to - from)));
        while (high - low >= SMALL) {
            if (budget-- == 0) {
                Arrays.sort(values, low, high + 1);
                return values[k];
            }
            int pivotIndex = medianOfThree(values, low, (low + high) >>> 1, high);
            double pivot = values[pivotIndex];
            int i = low;
            int j = high;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = values[i];
                    values[i] = values[j];
                    values[j] = swap;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                high = j;
            } else if (k >= i) {
                low = i;
            } else {
                return values[k];
            }
        }
        Arrays.sort(values, low, high + 1);
        return values[k];
    }

    private static int medianOfThree(double[] values, int a, int b, int c) {
        double x = values[a];
        double y = values[b];
        double z = values[c];
        if (x < y) {
            return y < z ? b : x < z ? c : a;
        }
        return x < z ? a : y < z ? c : b;
    }
}
