package io.measured.internal.stats;

/**
 * The layout of a log-linear latency histogram over microseconds, kept in a slice of a
 * {@code long[]} by {@link OperationCounter}.
 *
 * <p>Durations below {@value #SUB_BUCKETS} microseconds each get an exact microsecond bucket; above,
 * each power of two is split in {@value #SUB_BUCKETS} equal buckets, so a bucket's width is at most
 * 1/{@value #SUB_BUCKETS} (12.5%) of its lower bound. Durations beyond the last bucket (about 19
 * hours) are counted in it.
 */
final class LatencyHistogram {

    private static final int SUB_BUCKETS = 8;
    private static final int SUB_BITS = 3;
    private static final int MAX_EXPONENT = 36;
    static final int BUCKETS = (MAX_EXPONENT - SUB_BITS + 2) * SUB_BUCKETS;

    private LatencyHistogram() {
    }

    /**
     * Returns, for each percentile, the upper bound in nanoseconds of the bucket holding it, or 0
     * when empty; one pass over the buckets.
     *
     * @param counts the bucket counts, {@link #BUCKETS} of them
     * @param total their sum
     * @param percents ascending, each in (0, 100]
     */
    static long[] percentilesNanos(long[] counts, long total, double... percents) {
        long[] result = new long[percents.length];
        percentilesNanos(counts, total, percents, result, 0);
        return result;
    }

    /** As {@link #percentilesNanos(long[], long, double...)}, into {@code into} from {@code at}, allocating nothing. */
    static void percentilesNanos(long[] counts, long total, double[] percents, long[] into, int at) {
        if (total == 0) {
            java.util.Arrays.fill(into, at, at + percents.length, 0);
            return;
        }
        long seen = 0;
        int bucket = -1;
        for (int p = 0; p < percents.length; p++) {
            long rank = Math.max(1, (long) Math.ceil(percents[p] / 100.0 * total));
            while (seen < rank && bucket < BUCKETS - 1) {
                seen += counts[++bucket];
            }
            into[at + p] = upperBoundMicros(Math.max(bucket, 0)) * 1_000;
        }
    }

    static int indexOf(long micros) {
        if (micros < SUB_BUCKETS) {
            return (int) Math.max(micros, 0);
        }
        int exponent = 63 - Long.numberOfLeadingZeros(micros);
        if (exponent > MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        int sub = (int) ((micros >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1));
        return (exponent - SUB_BITS + 1) * SUB_BUCKETS + sub;
    }

    /** Returns the smallest micros value that falls in the next bucket. */
    static long upperBoundMicros(int index) {
        if (index < SUB_BUCKETS) {
            return index + 1L;
        }
        int exponent = index / SUB_BUCKETS + SUB_BITS - 1;
        long sub = index % SUB_BUCKETS;
        return (1L << exponent) + ((sub + 1) << (exponent - SUB_BITS));
    }
}
