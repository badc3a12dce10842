package io.measured.internal.buffer;

import java.util.Arrays;

/**
 * Per-type statistics over the rows a ring holds, kept up to date incrementally so a read costs
 * the rows written since the previous read plus one light pass, never a sort of the buffer.
 *
 * <p>Each read first folds the ring's new rows into its {@link RingShadow} and the
 * {@link DurationHistogram}. Minimum, maximum and the nearest-rank percentiles are then exact: the
 * bucket holding each wanted rank is found from the counts, and one pass over the shadow, two
 * bytes per slot, gathers only those buckets' values to select from. Reads are serialized by this
 * object's lock; writers never take it.
 */
public final class BufferStatistics {

    /** Wanted ranks per type: minimum, p50, p95, p99, maximum. */
    private static final int[] PERCENTS = {50, 95, 99};
    private static final int WANTED = PERCENTS.length + 2;

    private final int types;
    private final RingShadow shadow;
    /** Made by the first read, so a buffer nobody asks for statistics pays nothing. */
    private DurationHistogram histogram;
    /**
     * Scratch for {@link #byType}: per key, one more than its index among the targets whose values
     * are gathered, else 0; all 0 between reads. A byte per key (8 KB) keeps the gathering pass to
     * two loads and a compare per slot; there are at most types × 5 targets (20; 80 for 16 types), within a byte.
     */
    private byte[] targetOfKey;

    /** @param types how many operation types there are: {@code 1 .. 16} */
    BufferStatistics(MetricRing ring, int types) {
        this.types = types;
        this.shadow = new RingShadow(ring);
    }

    /**
     * Statistics of every type, by ordinal; a type with no row gets {@link TypeSummary#EMPTY}.
     * Thread-safe.
     */
    public synchronized TypeSummary[] byType() {
        if (histogram == null) {
            histogram = new DurationHistogram(types);
            targetOfKey = new byte[DurationHistogram.keysFor(types)];
        }
        shadow.fold(histogram);
        // Each wanted rank as (key of its bucket, offset among the bucket's rows); distinct keys are targets.
        int[][] rankKeys = new int[types][];
        int[][] rankOffsets = new int[types][];
        int[] targets = new int[types * WANTED];
        int targetCount = 0;
        for (int t = 0; t < types; t++) {
            int n = (int) histogram.count(t);
            if (n == 0) {
                continue;
            }
            rankKeys[t] = new int[WANTED];
            rankOffsets[t] = new int[WANTED];
            for (int r = 0; r < WANTED; r++) {
                int rank = r == 0 ? 0 : r == WANTED - 1 ? n - 1 : rank(PERCENTS[r - 1], n);
                long located = histogram.locate(t, rank);
                int key = (int) (located >>> 32);
                rankKeys[t][r] = key;
                rankOffsets[t][r] = (int) located;
                if (targetOfKey[key] == 0) {
                    targets[targetCount++] = key;
                    targetOfKey[key] = (byte) targetCount;
                }
            }
        }
        targets = Arrays.copyOf(targets, targetCount);
        double[][] members = gather(targets);
        TypeSummary[] result = new TypeSummary[types];
        for (int t = 0; t < types; t++) {
            result[t] = rankKeys[t] == null ? TypeSummary.EMPTY
                    : typeStats(t, rankKeys[t], rankOffsets[t], targets, members);
        }
        return result;
    }

    private TypeSummary typeStats(int type, int[] keys, int[] offsets, int[] targets, double[][] members) {
        double[] values = new double[WANTED];
        for (int r = 0; r < WANTED; ) {
            // Ranks in the same bucket are adjacent: select them together.
            int last = r;
            while (last + 1 < WANTED && keys[last + 1] == keys[r]) {
                last++;
            }
            double[] bucketValues = members[indexOf(targets, keys[r])];
            double[] selected = select(bucketValues, Arrays.copyOfRange(offsets, r, last + 1));
            System.arraycopy(selected, 0, values, r, selected.length);
            r = last + 1;
        }
        return new TypeSummary(histogram.count(type), mean(type), values[0], values[WANTED - 1],
                values[1], values[2], values[3]);
    }

    /**
     * The mean of a type's durations. Durations near {@code Double.MAX_VALUE} can overflow the
     * running sum, and an infinite sum minus an evicted value is NaN; then the sum is rebuilt from
     * the shadow (it recovers once such values are evicted) and the mean taken as a sum of
     * quotients, which cannot overflow.
     */
    private double mean(int type) {
        double mean = histogram.runningMean(type);
        if (Double.isFinite(mean)) {
            return mean;
        }
        long n = histogram.count(type);
        histogram.clearSum(type);
        double quotients = 0;
        short[] keys = shadow.keys();
        double[] durations = shadow.durations();
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] >= 0 && DurationHistogram.typeOf(keys[slot]) == type) {
                histogram.addToSum(type, durations[slot]);
                quotients += durations[slot] / n;
            }
        }
        return quotients;
    }

    /**
     * One pass over the shadow's slots, copying the values whose keys are targets (marked in
     * {@link #targetOfKey}, which it clears again). Reads two bytes per slot and one byte of an
     * 8 KB table, and a duration only for the few slots it keeps.
     */
    private double[][] gather(int[] targets) {
        double[][] members = new double[targets.length][];
        for (int i = 0; i < targets.length; i++) {
            members[i] = new double[histogram.countOf(targets[i])];
        }
        int[] filled = new int[targets.length];
        byte[] targetOf = targetOfKey;
        try {
            short[] keys = shadow.keys();
            double[] durations = shadow.durations();
            for (int slot = 0; slot < keys.length; slot++) {
                int key = keys[slot];
                // An empty slot's key is negative: its unsigned char is beyond every key's entry.
                int target = (char) key < targetOf.length ? targetOf[(char) key] : 0;
                if (target != 0) {
                    members[target - 1][filled[target - 1]++] = durations[slot];
                }
            }
        } finally {
            for (int key : targets) {
                targetOf[key] = 0;
            }
        }
        return members;
    }

    private static int indexOf(int[] targets, int key) {
        int i = 0;
        while (targets[i] != key) {
            i++;
        }
        return i;
    }

    /** The values of the given ascending zero-based ranks among {@code values}, which it reorders. */
    private static double[] select(double[] values, int[] ranks) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return Percentiles.ranks(values, 0, values.length, min, max, ranks);
    }

    /** Zero-based index of the nearest-rank percentile: the ceil(p/100 * n)-th smallest value. */
    static int rank(double percent, int length) {
        return Math.max(1, (int) Math.ceil(percent / 100.0 * length)) - 1;
    }
}
