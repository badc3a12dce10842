package io.measured.internal.stats;

/**
 * One histogram serving both the configured (Prometheus) buckets and the fine
 * {@link LatencyHistogram}: the fine buckets, each cut where a configured bound falls inside it.
 * A call then adds to one cell instead of one bucket of each histogram, and finding the cell
 * costs the fine index (a few bit operations) plus, rarely, a comparison or two, instead of a
 * binary search over the bounds.
 *
 * <p>Invariant: every cell lies within one fine bucket and within one configured bucket, so both
 * histograms are sums of cells. Immutable and thread-safe.
 */
final class CellLayout {

    private final BucketBounds bounds;
    /** Per fine bucket: its first cell; one more entry at the end. */
    private final int[] firstCell;
    /** Per fine bucket f: the bounds (nanoseconds) cutting it, at {@code cuts[firstCut[f] .. firstCut[f + 1])}. */
    private final int[] firstCut;
    private final long[] cuts;
    private final int[] boundOfCell;
    private final int[] fineOfCell;

    CellLayout(BucketBounds bounds) {
        this.bounds = bounds;
        int fine = LatencyHistogram.BUCKETS;
        firstCell = new int[fine + 1];
        firstCut = new int[fine + 1];
        long[] allCuts = new long[bounds.size()];
        int cutCount = 0;
        for (int f = 0; f < fine; f++) {
            firstCut[f] = cutCount;
            long lowest = lowestNanos(f);
            long highest = f == fine - 1 ? Long.MAX_VALUE : lowestNanos(f + 1) - 1;
            for (int b = 0; b < bounds.size(); b++) {
                long bound = bounds.nanos(b);
                // A bound cuts the bucket when values on both sides of it (<= bound, > bound) fall in it.
                if (bound >= lowest && bound < highest) {
                    allCuts[cutCount++] = bound;
                }
            }
        }
        firstCut[fine] = cutCount;
        cuts = java.util.Arrays.copyOf(allCuts, cutCount);
        int cells = fine + cutCount;
        boundOfCell = new int[cells];
        fineOfCell = new int[cells];
        int cell = 0;
        for (int f = 0; f < fine; f++) {
            firstCell[f] = cell;
            long lowest = lowestNanos(f);
            for (int c = firstCut[f]; c <= firstCut[f + 1]; c++) {
                fineOfCell[cell] = f;
                boundOfCell[cell] = bounds.bucketOf(lowest);
                cell++;
                if (c < firstCut[f + 1]) {
                    lowest = cuts[c] + 1;
                }
            }
        }
        firstCell[fine] = cell;
    }

    private static long lowestNanos(int fineBucket) {
        return fineBucket == 0 ? 0 : LatencyHistogram.upperBoundMicros(fineBucket - 1) * 1_000;
    }

    BucketBounds bounds() {
        return bounds;
    }

    int cells() {
        return boundOfCell.length;
    }

    /** The cell counting a duration; {@code nanos >= 0}. */
    int cellOf(long nanos) {
        int fine = LatencyHistogram.indexOf(nanos / 1_000);
        int cell = firstCell[fine];
        for (int c = firstCut[fine], end = firstCut[fine + 1]; c < end && nanos > cuts[c]; c++) {
            cell++;
        }
        return cell;
    }

    /** The configured bucket a duration belongs to; {@code bounds().size()} is +Inf. */
    int bucketOf(long nanos) {
        return boundOfCell[cellOf(nanos)];
    }

    /** The configured bucket a cell belongs to; {@code bounds().size()} is +Inf. */
    int boundOf(int cell) {
        return boundOfCell[cell];
    }

    /** Per cell, {@link #boundOf}; shared, never to be changed. */
    int[] boundOfCells() {
        return boundOfCell;
    }

    /** Per cell, {@link #fineOf}; shared, never to be changed. */
    int[] fineOfCells() {
        return fineOfCell;
    }

    /** The fine {@link LatencyHistogram} bucket a cell belongs to. */
    int fineOf(int cell) {
        return fineOfCell[cell];
    }
}
