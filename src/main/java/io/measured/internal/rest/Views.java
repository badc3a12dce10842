package io.measured.internal.rest;

import io.measured.HistorySlot;
import io.measured.Metric;
import io.measured.MetricsStats;
import io.measured.OperationType;
import io.measured.TypeStats;
import io.measured.internal.stats.History;
import io.measured.internal.stats.OperationTable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/** The JSON shapes of the endpoint; JSON-B writes their component names in snake_case. */
public final class Views {

    private static final OperationType[] TYPES = OperationType.values();
    private static final double NANOS_PER_MS = 1_000_000.0;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Views() {
    }

    /** {@code GET /metrics}. */
    public record StatsView(int totalCount, int maxSize, long processId, Map<String, Double> samplingRates,
            Map<String, TypeStats> byType) {

        static StatsView of(MetricsStats stats) {
            Map<String, Double> rates = new LinkedHashMap<>();
            Map<String, TypeStats> types = new LinkedHashMap<>();
            for (OperationType type : OperationType.values()) {
                rates.put(type.key(), stats.samplingRates().get(type));
                types.put(type.key(), stats.byType().get(type));
            }
            return new StatsView(stats.totalCount(), stats.maxSize(), stats.processId(), rates, types);
        }
    }

    /** One buffered metric. */
    public record MetricView(String operationType, String operationName, String timestamp, double durationMs,
            long processId, Map<String, String> metadata) {

        static MetricView of(Metric metric) {
            return new MetricView(metric.operationType().key(), metric.operationName(),
                    TIMESTAMP.format(metric.timestamp()), metric.durationMs(), metric.processId(),
                    metric.metadata());
        }
    }

    /** One operation's cumulative statistics. */
    public record OperationView(String operationType, String operationName, long count, long errorCount,
            double avgDurationMs, double maxDurationMs, double p95DurationMs) {
    }

    /**
     * {@code GET /metrics/operations}: rows {@code from .. to - 1} of a table, each made into a view
     * only when JSON-B reaches it, so a response holds the table and one view at a time.
     */
    public static final class OperationViews extends AbstractList<OperationView> implements RandomAccess {

        private final OperationTable table;
        private final int from;
        private final int to;

        OperationViews(OperationTable table, int from, int to) {
            this.table = table;
            this.from = from;
            this.to = to;
        }

        @Override
        public OperationView get(int index) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException("index " + index + " is outside 0 .. " + (size() - 1));
            }
            int row = from + index;
            long calls = table.calls(row);
            return new OperationView(TYPES[table.type(row)].key(), table.name(row), calls, table.errors(row),
                    table.sumNanos(row) / NANOS_PER_MS / calls, table.maxNanos(row) / NANOS_PER_MS,
                    table.percentileNanos(row, 95) / NANOS_PER_MS);
        }

        @Override
        public int size() {
            return to - from;
        }
    }

    /** {@code GET /metrics/history}. */
    public record HistoryView(int slotSeconds, String started, boolean mutationsEnabled,
            Map<String, TotalsView> sinceStart, List<SlotView> slots) {

        static HistoryView of(List<HistorySlot> slots, Map<OperationType, HistorySlot.Totals> sinceStart,
                OperationType typeOrNull, java.time.Instant started, boolean mutationsEnabled) {
            List<SlotView> views = new java.util.ArrayList<>(slots.size());
            for (HistorySlot slot : slots) {
                views.add(new SlotView(TIMESTAMP.format(slot.start()), TotalsView.of(slot.byType(), typeOrNull)));
            }
            return new HistoryView(History.SLOT_SECONDS, TIMESTAMP.format(started), mutationsEnabled,
                    TotalsView.of(sinceStart, typeOrNull), views);
        }
    }

    /** One slot of the history. */
    public record SlotView(String start, Map<String, TotalsView> byType) {
    }

    /** One type's calls in a slot, or since start. */
    public record TotalsView(long calls, long errors, double callsPerSecond, double avgDurationMs,
            double p50DurationMs, double p95DurationMs, double p99DurationMs) {

        /** Every type (or only {@code typeOrNull}), keyed by its JSON name in declaration order. */
        static Map<String, TotalsView> of(Map<OperationType, HistorySlot.Totals> byType, OperationType typeOrNull) {
            Map<String, TotalsView> views = new LinkedHashMap<>();
            for (OperationType type : OperationType.values()) {
                if (typeOrNull == null || type == typeOrNull) {
                    HistorySlot.Totals t = byType.get(type);
                    views.put(type.key(), new TotalsView(t.calls(), t.errors(), t.callsPerSecond(), t.avgDurationMs(),
                            t.p50DurationMs(), t.p95DurationMs(), t.p99DurationMs()));
                }
            }
            return views;
        }
    }

    /** The answer to a sampling-rate change. */
    public record SamplingView(Map<String, Double> samplingRates) {
    }

    /** A refused request. */
    public record ErrorView(String error) {
    }
}
