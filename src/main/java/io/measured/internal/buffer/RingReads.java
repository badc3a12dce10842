package io.measured.internal.buffer;

import io.measured.internal.stats.OperationRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Queries over a {@link MetricRing}, each allocating in proportion to its answer, never to the
 * ring's capacity: rows are read into one reused {@link RowView} and only the rows answered are
 * handed to the caller's {@link RowMapper}. Each query sees every row held for its whole span; rows written meanwhile may
 * or may not be included.
 */
final class RingReads {

    /** The type argument of a query over every type. */
    static final int ANY_TYPE = -1;

    private final MetricRing ring;
    private final OperationRegistry operations;
    private final long processId;

    RingReads(MetricRing ring, OperationRegistry operations, long processId) {
        this.ring = ring;
        this.operations = operations;
        this.processId = processId;
    }

    /** Every row held, oldest first. */
    <T> List<T> all(RowMapper<T> mapper) {
        return matching(ANY_TYPE, 0.0, mapper);
    }

    /** The newest {@code count} rows at most of one type (or of every type, for {@link #ANY_TYPE}), newest first. */
    <T> List<T> recent(int count, int type, RowMapper<T> mapper) {
        long end = ring.end();
        long start = ring.start(end);
        List<T> recent = new ArrayList<>((int) Math.min(count, Math.min(end - start, 1024)));
        RowView row = new RowView();
        for (long sequence = end - 1; sequence >= start && recent.size() < count; sequence--) {
            if (ring.read(sequence, row) == 0 && (type == ANY_TYPE || row.typeOrdinal() == type)) {
                recent.add(RowCode.map(row, operations, processId, mapper));
            }
        }
        return recent;
    }

    /**
     * The rows of one type (or of every type, for {@link #ANY_TYPE}) at least
     * {@code minDurationMs} long, oldest first.
     */
    <T> List<T> matching(int type, double minDurationMs, RowMapper<T> mapper) {
        long end = ring.end();
        long start = ring.start(end);
        List<T> found = new ArrayList<>(type == ANY_TYPE && minDurationMs <= 0 ? (int) (end - start) : 10);
        RowView row = new RowView();
        for (long sequence = start; sequence < end; sequence++) {
            if (ring.read(sequence, row) == 0 && row.durationMs >= minDurationMs
                    && (type == ANY_TYPE || row.typeOrdinal() == type)) {
                found.add(RowCode.map(row, operations, processId, mapper));
            }
        }
        return found;
    }
}
