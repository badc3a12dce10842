package io.measured.internal.buffer;


/**
 * Per-type counts of durations in logarithmic buckets, with each type's count and compensated
 * sum, updated as rows enter and leave a {@link RingShadow}. A row is filed under its key,
 * {@code type << BUCKET_BITS | bucket}. Confined to the thread holding the statistics' lock.
 */
final class DurationHistogram {

    /** Buckets per octave: 2^5, so a bucket spans about 2 % of its values. */
    private static final int SUB_BITS = 5;
    /** A key fits a {@code short} for up to 16 types (4 types need 13 bits). */
    static final int BUCKET_BITS = 11;
    /** Octaves from 2^-30 ms (about 1 fs) to 2^34 ms (about 200 days); values outside go to the end buckets. */
    static final int BUCKETS = 1 << BUCKET_BITS;
    private static final int OCTAVES = BUCKETS >> SUB_BITS;
    private static final int LOWEST = (1023 - 30) << SUB_BITS;

    private final int[] bucketCounts;
    /** Per type and octave, so finding a rank skips 32 buckets at a time. */
    private final int[] octaveCounts;
    private final long[] counts;
    private final double[] sums;
    private final double[] compensations;

    /** @param types how many operation types there are: {@code 1 .. 16} */
    DurationHistogram(int types) {
        bucketCounts = new int[keysFor(types)];
        octaveCounts = new int[types * OCTAVES];
        counts = new long[types];
        sums = new double[types];
        compensations = new double[types];
    }

    /** Every key of {@code types} types is below this. */
    static int keysFor(int types) {
        return types << BUCKET_BITS;
    }

    /** The key of a type's non-negative duration; within a type, monotone in the duration. */
    static int key(int type, double durationMs) {
        int bucket = (int) (Double.doubleToRawLongBits(durationMs) >>> (52 - SUB_BITS)) - LOWEST;
        return type << BUCKET_BITS | Math.min(Math.max(bucket, 0), BUCKETS - 1);
    }

    static int typeOf(int key) {
        return key >>> BUCKET_BITS;
    }

    void add(int key, double durationMs) {
        int type = typeOf(key);
        bucketCounts[key]++;
        octaveCounts[key >>> SUB_BITS]++;
        counts[type]++;
        addToSum(type, durationMs);
    }

    void remove(int key, double durationMs) {
        int type = typeOf(key);
        bucketCounts[key]--;
        octaveCounts[key >>> SUB_BITS]--;
        if (--counts[type] == 0) {
            clearSum(type); // no drift survives an empty type
        } else {
            addToSum(type, -durationMs);
        }
    }

    long count(int type) {
        return counts[type];
    }

    /** Rows filed under a key. */
    int countOf(int key) {
        return bucketCounts[key];
    }

    /** The running sum over the count: NaN or infinite once durations near {@code Double.MAX_VALUE} overflowed it. */
    double runningMean(int type) {
        return (sums[type] + compensations[type]) / counts[type];
    }

    void clearSum(int type) {
        sums[type] = 0;
        compensations[type] = 0;
    }

    /** Neumaier's compensated addition, so adding and removing rows leaves no visible drift. */
    void addToSum(int type, double value) {
        double sum = sums[type];
        double next = sum + value;
        compensations[type] += Math.abs(sum) >= Math.abs(value) ? (sum - next) + value : (value - next) + sum;
        sums[type] = next;
    }

    /**
     * Finds the bucket holding a type's zero-based rank.
     *
     * @param rank in {@code [0, count(type))}
     * @return the bucket's key in the high 32 bits, the rank's offset among the bucket's rows in the low 32
     */
    long locate(int type, int rank) {
        int octave = type * OCTAVES;
        int before = 0;
        while (before + octaveCounts[octave] <= rank) {
            before += octaveCounts[octave++];
        }
        int key = octave << SUB_BITS;
        while (before + bucketCounts[key] <= rank) {
            before += bucketCounts[key++];
        }
        return (long) key << 32 | (rank - before);
    }
}
