package io.measured;

import io.measured.internal.buffer.RowMapper;
import io.measured.internal.buffer.SamplingRates;
import io.measured.internal.buffer.TypeSummary;
import io.measured.internal.stats.History;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns the core's answers, which know operation types only as ordinals, into the public value
 * types. The public package depends on the core, never the other way round. Stateless and
 * thread-safe.
 */
final class CoreViews {

    private static final OperationType[] TYPES = OperationType.values();

    /** A buffer row as a {@link Metric}. */
    static final RowMapper<Metric> METRIC = (type, name, epochMilli, durationMs, processId, metadata) ->
            new Metric(TYPES[type], name, Instant.ofEpochMilli(epochMilli), durationMs, processId, metadata);

    private CoreViews() {
    }

    /** Every type's statistics, in declaration order; an empty type gets {@link TypeStats#EMPTY}. */
    static Map<OperationType, TypeStats> types(TypeSummary[] summaries) {
        Map<OperationType, TypeStats> byType = new EnumMap<>(OperationType.class);
        for (OperationType type : TYPES) {
            TypeSummary s = summaries[type.ordinal()];
            byType.put(type, s.count() == 0 ? TypeStats.EMPTY
                    : new TypeStats(s.count(), s.meanMs(), s.minMs(), s.maxMs(), s.p50Ms(), s.p95Ms(), s.p99Ms()));
        }
        return byType;
    }

    /** Every type's sampling rate, in declaration order. */
    static Map<OperationType, Double> rates(SamplingRates rates) {
        Map<OperationType, Double> map = new EnumMap<>(OperationType.class);
        for (OperationType type : TYPES) {
            map.put(type, rates.get(type.ordinal()));
        }
        return map;
    }

    /**
     * Checks a map of sampling rates and returns it per type ordinal; a type missing from the map
     * gets 1.0.
     *
     * @throws IllegalArgumentException if the map or a key or value is null, or a rate is outside
     *         [0, 1] or NaN
     */
    static double[] rates(Map<OperationType, Double> rates) {
        if (rates == null) {
            throw new IllegalArgumentException("samplingRates must not be null");
        }
        double[] byOrdinal = new double[TYPES.length];
        Arrays.fill(byOrdinal, 1.0);
        for (Map.Entry<OperationType, Double> entry : rates.entrySet()) {
            if (entry.getKey() == null) {
                throw new IllegalArgumentException("samplingRates must not contain a null type");
            }
            if (entry.getValue() == null) {
                throw new IllegalArgumentException("sampling rate for type " + entry.getKey().key()
                        + " must not be null; valid range is 0.0 .. 1.0");
            }
            SamplingRates.checkRate("sampling rate for type " + entry.getKey().key(), entry.getValue());
            byOrdinal[entry.getKey().ordinal()] = entry.getValue();
        }
        return byOrdinal;
    }

    /** A history slot's totals per type, over {@code seconds}. */
    static Map<OperationType, HistorySlot.Totals> totals(History.Slot slot, double seconds) {
        Map<OperationType, HistorySlot.Totals> byType = new EnumMap<>(OperationType.class);
        for (OperationType type : TYPES) {
            int t = type.ordinal();
            long calls = slot.calls()[t];
            byType.put(type, new HistorySlot.Totals(calls, slot.errors()[t], calls / seconds,
                    calls == 0 ? 0 : slot.sumNanos()[t] / 1_000_000.0 / calls, slot.p50Nanos()[t] / 1_000_000.0,
                    slot.p95Nanos()[t] / 1_000_000.0, slot.p99Nanos()[t] / 1_000_000.0));
        }
        return Collections.unmodifiableMap(byType);
    }
}
