package io.measured.internal.buffer;

import io.measured.Metric;
import io.measured.OperationType;
import io.measured.internal.stats.OperationRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Queries over a {@link MetricRing}, each allocating in proportion to its answer, never to the
 * ring's capacity: rows are read into one reused {@link RowView} and only the rows answered become
 * {@link Metric}s. Each query sees every row held for its whole span; rows written meanwhile may
 * or may not be included.
 */
final class RingReads {

    private final MetricRing ring;
    private final OperationRegistry operations;
    private final long processId;

    RingReads(MetricRing ring, OperationRegistry operations, long processId) {
        this.ring = ring;
        this.operations = operations;
        this.processId = processId;
    }

    /** Every row held, oldest first. */
    List<Metric> all() {
        return matching(null, 0.0);
    }

    /** The newest {@code count} rows at most of one type (or of every type, for null), newest first. */
    List<Metric> recent(int count, OperationType typeOrNull) {
        long end = ring.end();
        long start = ring.start(end);
        int wanted = typeOrNull == null ? -1 : typeOrNull.ordinal();
        List<Metric> recent = new ArrayList<>((int) Math.min(count, Math.min(end - start, 1024)));
        RowView row = new RowView();
        for (long sequence = end - 1; sequence >= start && recent.size() < count; sequence--) {
            if (ring.read(sequence, row) == 0 && (wanted < 0 || row.typeOrdinal() == wanted)) {
                recent.add(RowCode.toMetric(row, operations, processId));
            }
        }
        return recent;
    }

    /**
     * The rows of one type (or of every type, for null) at least {@code minDurationMs} long,
     * oldest first.
     */
    List<Metric> matching(OperationType typeOrNull, double minDurationMs) {
        long end = ring.end();
        long start = ring.start(end);
        int wanted = typeOrNull == null ? -1 : typeOrNull.ordinal();
        List<Metric> found = new ArrayList<>(typeOrNull == null && minDurationMs <= 0 ? (int) (end - start) : 10);
        RowView row = new RowView();
        for (long sequence = start; sequence < end; sequence++) {
            if (ring.read(sequence, row) == 0 && row.durationMs >= minDurationMs
                    && (wanted < 0 || row.typeOrdinal() == wanted)) {
                found.add(RowCode.toMetric(row, operations, processId));
            }
        }
        return found;
    }
}
