package io.measured;

import io.measured.internal.stats.OperationTable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The answer of {@link MetricsBuffer#getOperationStats()}: an unmodifiable view of a table read in
 * one pass, which makes each {@link OperationStats} when it is asked for, so a caller that walks
 * the list holds one at a time. Readers in the library use the table itself ({@link
 * OperationTable.Source}). Thread-safe: the table is immutable.
 */
final class OperationStatsList extends AbstractList<OperationStats> implements RandomAccess, OperationTable.Source {

    private static final OperationType[] TYPES = OperationType.values();

    private final OperationTable table;

    OperationStatsList(OperationTable table) {
        this.table = table;
    }

    @Override
    public OperationTable table() {
        return table;
    }

    @Override
    public int size() {
        return table.size();
    }

    @Override
    public OperationStats get(int row) {
        if (row < 0 || row >= table.size()) {
            throw new IndexOutOfBoundsException("index " + row + " is outside 0 .. " + (table.size() - 1));
        }
        int bounds = table.bounds().size();
        List<HistogramBucket> buckets = new ArrayList<>(bounds + 1);
        for (int b = 0; b <= bounds; b++) {
            buckets.add(new HistogramBucket(b < bounds ? table.bounds().seconds(b) : Double.POSITIVE_INFINITY,
                    table.cumulativeCount(row, b)));
        }
        long calls = table.calls(row);
        double sumMs = millis(table.sumNanos(row));
        return new OperationStats(TYPES[table.type(row)], table.name(row), calls, table.errors(row), sumMs,
                sumMs / calls, millis(table.maxNanos(row)), millis(table.percentileNanos(row, 50)),
                millis(table.percentileNanos(row, 95)), millis(table.percentileNanos(row, 99)), buckets);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
