package io.measured.internal.stats;

import java.util.Arrays;

/**
 * The cumulative statistics of many operations, read in one pass over their counters: one row of
 * longs per operation, ordered by type then name. It holds no object per operation beyond the
 * counter's own reference, so a scrape of N operations retains about {@code 8 * (8 + buckets)}
 * bytes per operation and nothing else that grows with N.
 *
 * <p>Invariant: every row has at least one call, its error count is at most its calls, and its
 * cumulative bucket counts never decrease, the last (+Inf) being the calls. Immutable once built;
 * safe to read from any thread.
 */
public final class OperationTable {

    /** The type argument of {@link OperationRegistry#table} that keeps every type. */
    public static final int ALL_TYPES = -1;

    static final int CALLS = 0;
    static final int ERRORS = 1;
    static final int SUM_NANOS = 2;
    static final int MAX_NANOS = 3;
    static final int P50 = 4;
    static final int P95 = 5;
    static final int P99 = 6;
    static final int BUCKETS = 7;
    private static final double[] PERCENTS = {50, 95, 99};

    /** Implemented by answers that were made from a table, so a reader can use the table itself. */
    public interface Source {
        /** The table this answer shows; never null. */
        OperationTable table();
    }

    private final OperationCounter[] counters;
    private final long[] rows;
    private final int size;
    private final int stride;
    private final BucketBounds bounds;

    private OperationTable(OperationCounter[] counters, long[] rows, int size, int stride, BucketBounds bounds) {
        this.counters = counters;
        this.rows = rows;
        this.size = size;
        this.stride = stride;
        this.bounds = bounds;
    }

    /**
     * Reads each counter once, in the given order, leaving out those without calls (a counter made
     * by a racing first call may not have counted it yet).
     */
    static OperationTable read(OperationCounter[] ordered, int count, CellLayout layout) {
        BucketBounds bounds = layout.bounds();
        int stride = BUCKETS + bounds.size() + 1;
        long[] rows = new long[count * stride];
        long[] fine = new long[LatencyHistogram.BUCKETS];
        int size = 0;
        for (int i = 0; i < count; i++) {
            int at = size * stride;
            Arrays.fill(fine, 0);
            ordered[i].readInto(rows, at, fine);
            if (rows[at + CALLS] == 0) {
                Arrays.fill(rows, at, at + stride, 0);
                continue;
            }
            LatencyHistogram.percentilesNanos(fine, rows[at + CALLS], PERCENTS, rows, at + P50);
            for (int p = P50; p <= P99; p++) {
                rows[at + p] = Math.min(rows[at + p], rows[at + MAX_NANOS]);
            }
            ordered[size++] = ordered[i];
        }
        return new OperationTable(Arrays.copyOf(ordered, size), rows, size, stride, bounds);
    }

    /** How many operations; {@code >= 0}. */
    public int size() {
        return size;
    }

    /** The first row of a type ordinal: rows of one type are contiguous, as they are ordered by type. */
    public int firstOfType(int type) {
        int row = 0;
        while (row < size && type(row) < type) {
            row++;
        }
        return row;
    }

    /** The type ordinal of a row ({@code 0 .. size() - 1}). */
    public int type(int row) {
        return counters[row].type();
    }

    public String name(int row) {
        return counters[row].name();
    }

    /** Calls counted; {@code >= 1}. */
    public long calls(int row) {
        return rows[row * stride + CALLS];
    }

    /** Calls counted as errors; {@code 0 .. calls(row)}. */
    public long errors(int row) {
        return rows[row * stride + ERRORS];
    }

    /** The durations' sum in nanoseconds; saturates at {@code Long.MAX_VALUE}. */
    public long sumNanos(int row) {
        return rows[row * stride + SUM_NANOS];
    }

    public long maxNanos(int row) {
        return rows[row * stride + MAX_NANOS];
    }

    /** The 50th, 95th or 99th percentile ({@code percent} one of those) from the fine histogram, at most the maximum. */
    public long percentileNanos(int row, int percent) {
        int column = switch (percent) {
            case 50 -> P50;
            case 95 -> P95;
            case 99 -> P99;
            default -> throw new IllegalArgumentException("percent must be 50, 95 or 99, was " + percent);
        };
        return rows[row * stride + column];
    }

    /** The configured bounds; the buckets are one more, +Inf last. */
    public BucketBounds bounds() {
        return bounds;
    }

    /**
     * A recent traced call of a bucket, or null: only where the bucket counted calls as the table
     * was read, so a reader never sees an exemplar on an empty bucket.
     */
    public Exemplar exemplar(int row, int bucket) {
        long below = bucket == 0 ? 0 : cumulativeCount(row, bucket - 1);
        return cumulativeCount(row, bucket) > below ? counters[row].exemplar(bucket) : null;
    }

    /** Calls at most as long as bucket {@code bucket}'s bound ({@code 0 .. bounds().size()}, the last +Inf). */
    public long cumulativeCount(int row, int bucket) {
        return rows[row * stride + BUCKETS + bucket];
    }
}
