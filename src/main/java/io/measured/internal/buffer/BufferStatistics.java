package io.measured.internal.buffer;

import io.measured.OperationType;
import io.measured.TypeStats;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Per-type statistics over the rows a ring holds, kept up to date incrementally so a read costs
 * the rows written since the previous read plus one light pass, never a sort of the buffer.
 *
 * <p>Each read first folds in every row written since the last one: a row that replaced another
 * takes the old row's place in a private shadow copy (type-and-bucket key and duration per slot) and in per-type
 * counts of 2,048 logarithmic buckets, count and compensated sum. Minimum, maximum and the
 * nearest-rank percentiles are then exact: the bucket holding each wanted rank is found from the
 * counts, and one pass over the shadow gathers only those buckets' values to select from.
 *
 * <p>Invariant, for each stripe: every sequence below {@code folded} is either in the shadow,
 * known never to appear, or waiting in {@code pending} because its writer had not finished; a
 * slot's shadow entry is its newest folded row. Reads are serialized by this object's lock;
 * writers never take it.
 */
public final class BufferStatistics {

    private static final int TYPES = OperationType.values().length;
    /** Buckets per octave: 2^5, so a bucket spans about 2 % of its values. */
    private static final int SUB_BITS = 5;
    /** A key, {@code type << BUCKET_BITS | bucket}, fits a {@code short}: 3 types need 13 bits. */
    private static final int BUCKET_BITS = 11;
    /** Octaves from 2^-30 ms (about 1 fs) to 2^34 ms (about 200 days); values outside go to the end buckets. */
    static final int BUCKETS = 1 << BUCKET_BITS;
    private static final int OCTAVES = BUCKETS >> SUB_BITS;
    private static final int LOWEST = (1023 - 30) << SUB_BITS;
    private static final int[] PERCENTS = {50, 95, 99};

    private final Stripe[] stripes;
    private final double[] peeked = new double[1];
    /** Per type and bucket (index {@code type << BUCKET_BITS | bucket}, a "key"): rows held. */
    private int[] bucketCounts;
    /** Per type and octave: rows held, so finding a rank skips 32 buckets at a time. */
    private int[] octaveCounts;
    /** Scratch for {@link #summarize}: the keys whose values must be gathered; all clear between reads. */
    private long[] targetKeys;
    private final long[] counts = new long[TYPES];
    private final double[] sums = new double[TYPES];
    private final double[] compensations = new double[TYPES];

    public BufferStatistics(StripedRing ring) {
        MetricRing[] rings = ring.stripes();
        this.stripes = new Stripe[rings.length];
        for (int i = 0; i < rings.length; i++) {
            stripes[i] = new Stripe(rings[i]);
        }
    }

    /** Statistics of every type; a type with no row gets {@link TypeStats#EMPTY}. Thread-safe. */
    public synchronized Map<OperationType, TypeStats> byType() {
        if (bucketCounts == null) {
            bucketCounts = new int[TYPES * BUCKETS];
            octaveCounts = new int[TYPES * OCTAVES];
            targetKeys = new long[TYPES * BUCKETS / 64];
        }
        for (Stripe stripe : stripes) {
            fold(stripe);
        }
        return summarize();
    }

    /** Bucket of a non-negative duration; monotone in the value. */
    static int bucket(double durationMs) {
        int index = (int) (Double.doubleToRawLongBits(durationMs) >>> (52 - SUB_BITS)) - LOWEST;
        return Math.min(Math.max(index, 0), BUCKETS - 1);
    }

    private void fold(Stripe stripe) {
        MetricRing ring = stripe.ring;
        long cleared = ring.clearedBefore();
        long end = ring.end();
        int capacity = ring.capacity();
        if (stripe.keys == null) {
            stripe.keys = new short[capacity];
            stripe.durations = new double[capacity];
            Arrays.fill(stripe.keys, (short) -1);
        }
        if (cleared != stripe.clearedSeen) {
            for (int i = 0; i < capacity; i++) {
                evict(stripe, i);
            }
            stripe.clearedSeen = cleared;
            stripe.pendingCount = 0;
            // Rows folded before the clear was seen may have been written after it: fold them again.
            stripe.folded = 0;
        }
        long windowStart = Math.max(cleared, end - capacity);
        int kept = 0;
        for (int p = 0; p < stripe.pendingCount; p++) {
            long sequence = stripe.pending[p];
            if (sequence >= windowStart && place(stripe, sequence) == MetricRing.PENDING) {
                stripe.pending[kept++] = sequence;
            }
        }
        stripe.pendingCount = kept;
        for (long sequence = Math.max(stripe.folded, windowStart); sequence < end; sequence++) {
            evict(stripe, (int) (sequence % capacity));
            if (place(stripe, sequence) == MetricRing.PENDING) {
                stripe.addPending(sequence);
            }
        }
        stripe.folded = Math.max(stripe.folded, end);
    }

    /** Puts the row of {@code sequence} into its (empty) shadow slot if it is there to read. */
    private int place(Stripe stripe, long sequence) {
        int type = stripe.ring.peek(sequence, peeked);
        if (type >= 0) {
            int slot = (int) (sequence % stripe.ring.capacity());
            double duration = peeked[0];
            int key = type << BUCKET_BITS | bucket(duration);
            stripe.keys[slot] = (short) key;
            stripe.durations[slot] = duration;
            bucketCounts[key]++;
            octaveCounts[key >>> SUB_BITS]++;
            counts[type]++;
            addToSum(type, duration);
        }
        return type;
    }

    private void evict(Stripe stripe, int slot) {
        int key = stripe.keys[slot];
        if (key < 0) {
            return;
        }
        int type = key >>> BUCKET_BITS;
        double duration = stripe.durations[slot];
        stripe.keys[slot] = -1;
        bucketCounts[key]--;
        octaveCounts[key >>> SUB_BITS]--;
        if (--counts[type] == 0) {
            sums[type] = 0; // no drift survives an empty type
            compensations[type] = 0;
        } else {
            addToSum(type, -duration);
        }
    }

    /** Neumaier's compensated addition, so adding and removing rows leaves no visible drift. */
    private void addToSum(int type, double value) {
        double sum = sums[type];
        double next = sum + value;
        compensations[type] += Math.abs(sum) >= Math.abs(value) ? (sum - next) + value : (value - next) + sum;
        sums[type] = next;
    }

    private Map<OperationType, TypeStats> summarize() {
        // Wanted ranks per type: minimum, p50, p95, p99, maximum; each found as (key, offset in its bucket).
        int wanted = PERCENTS.length + 2;
        int[][] rankKeys = new int[TYPES][];
        int[][] rankOffsets = new int[TYPES][];
        int[] targets = new int[TYPES * wanted];
        int targetCount = 0;
        for (int t = 0; t < TYPES; t++) {
            int n = (int) counts[t];
            if (n == 0) {
                continue;
            }
            int[] ranks = new int[wanted];
            for (int p = 0; p < PERCENTS.length; p++) {
                ranks[p + 1] = rank(PERCENTS[p], n);
            }
            ranks[wanted - 1] = n - 1;
            rankKeys[t] = new int[wanted];
            rankOffsets[t] = new int[wanted];
            int octave = t * OCTAVES;
            int before = 0;
            for (int r = 0; r < wanted; r++) {
                while (before + octaveCounts[octave] <= ranks[r]) {
                    before += octaveCounts[octave++];
                }
                int key = octave << SUB_BITS;
                int inOctave = before;
                while (inOctave + bucketCounts[key] <= ranks[r]) {
                    inOctave += bucketCounts[key++];
                }
                rankKeys[t][r] = key;
                rankOffsets[t][r] = ranks[r] - inOctave;
                if ((targetKeys[key >>> 6] & (1L << key)) == 0) {
                    targetKeys[key >>> 6] |= 1L << key;
                    targets[targetCount++] = key;
                }
            }
        }
        double[][] members = gather(Arrays.copyOf(targets, targetCount));
        Map<OperationType, TypeStats> result = new EnumMap<>(OperationType.class);
        for (OperationType type : OperationType.values()) {
            int t = type.ordinal();
            if (rankKeys[t] == null) {
                result.put(type, TypeStats.EMPTY);
                continue;
            }
            double[] values = new double[wanted];
            for (int r = 0; r < wanted; ) {
                // Ranks in the same bucket are adjacent: select them together.
                int last = r;
                while (last + 1 < wanted && rankKeys[t][last + 1] == rankKeys[t][r]) {
                    last++;
                }
                double[] bucketValues = members[indexOf(targets, targetCount, rankKeys[t][r])];
                double[] selected = select(bucketValues, Arrays.copyOfRange(rankOffsets[t], r, last + 1));
                System.arraycopy(selected, 0, values, r, selected.length);
                r = last + 1;
            }
            long n = counts[t];
            result.put(type, new TypeStats(n, mean(t), values[0], values[wanted - 1], values[1], values[2], values[3]));
        }
        return result;
    }

    private static int indexOf(int[] targets, int count, int key) {
        int i = 0;
        while (targets[i] != key) {
            i++;
        }
        return i;
    }

    /**
     * The mean of a type's durations. Durations near {@code Double.MAX_VALUE} can overflow the
     * running sum, and an infinite sum minus an evicted value is NaN; then the sum is rebuilt from
     * the shadow (it recovers once such values are evicted) and the mean taken as a sum of
     * quotients, which cannot overflow.
     */
    private double mean(int type) {
        long n = counts[type];
        double mean = (sums[type] + compensations[type]) / n;
        if (Double.isFinite(mean)) {
            return mean;
        }
        sums[type] = 0;
        compensations[type] = 0;
        double quotients = 0;
        for (Stripe stripe : stripes) {
            for (int slot = 0; slot < stripe.keys.length; slot++) {
                if (stripe.keys[slot] >= 0 && stripe.keys[slot] >>> BUCKET_BITS == type) {
                    addToSum(type, stripe.durations[slot]);
                    quotients += stripe.durations[slot] / n;
                }
            }
        }
        return quotients;
    }

    /**
     * One pass over every shadow slot, copying the values whose keys are targets (marked in
     * {@link #targetKeys}, which it clears again). Reads two bytes per slot, and a duration only
     * for the few slots it keeps.
     */
    private double[][] gather(int[] targets) {
        double[][] members = new double[targets.length][];
        for (int i = 0; i < targets.length; i++) {
            members[i] = new double[bucketCounts[targets[i]]];
        }
        int[] filled = new int[targets.length];
        long[] marked = targetKeys;
        try {
            for (Stripe stripe : stripes) {
                short[] keys = stripe.keys;
                double[] durations = stripe.durations;
                for (int slot = 0; slot < keys.length; slot++) {
                    int key = keys[slot];
                    if (key >= 0 && (marked[key >>> 6] & (1L << key)) != 0) {
                        int target = indexOf(targets, targets.length, key);
                        members[target][filled[target]++] = durations[slot];
                    }
                }
            }
        } finally {
            for (int key : targets) {
                marked[key >>> 6] = 0;
            }
        }
        return members;
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

    /** The shadow of one stripe, touched only under the statistics' lock. */
    private static final class Stripe {
        final MetricRing ring;
        /** Per slot: the folded row's key (type and bucket), or -1 for none. */
        short[] keys;
        double[] durations;
        long folded;
        long clearedSeen;
        long[] pending = new long[4];
        int pendingCount;

        Stripe(MetricRing ring) {
            this.ring = ring;
        }

        void addPending(long sequence) {
            if (pendingCount == pending.length) {
                pending = Arrays.copyOf(pending, pendingCount * 2);
            }
            pending[pendingCount++] = sequence;
        }
    }
}
