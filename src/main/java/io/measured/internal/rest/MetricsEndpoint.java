package io.measured.internal.rest;

import io.measured.Metric;
import io.measured.MetricsBuffer;
import io.measured.OperationStats;
import io.measured.OperationType;
import io.measured.internal.config.Keys;
import io.measured.internal.config.MeasuredSettings;
import io.measured.internal.stats.OperationTable;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the metrics endpoint answers, independent of JAX-RS: query parameters in, status and JSON
 * view out. Bad input becomes 400 naming the parameter; mutations need
 * {@code measured.endpoint.mutations=true}.
 */
final class MetricsEndpoint {

    static final int DEFAULT_LIMIT = 100;

    private final MetricsBuffer buffer;
    private final MeasuredSettings settings;
    private final String metricsPath;

    MetricsEndpoint(MetricsBuffer buffer, MeasuredSettings settings) {
        this(buffer, settings, "metrics");
    }

    /** @param metricsPath the path the endpoint is served under, for the dashboard's own links */
    MetricsEndpoint(MetricsBuffer buffer, MeasuredSettings settings, String metricsPath) {
        this.buffer = buffer;
        this.settings = settings;
        this.metricsPath = metricsPath;
    }

    Reply stats(Map<String, List<String>> query) throws BadRequestException {
        return stats(query, null);
    }

    /** JSON, Prometheus text or OpenMetrics, as the Accept header asks; 406 when it accepts none. */
    Reply stats(Map<String, List<String>> query, String accept) throws BadRequestException {
        QueryParameters.of(query, Set.of());
        Optional<ExpositionFormat> format = ExpositionFormat.choose(accept);
        if (format.isEmpty()) {
            return Reply.error(406, "Accept '" + QueryParameters.shown(accept) + "' names no format this endpoint writes; it writes "
                    + ExpositionFormat.supported());
        }
        if (format.get() == ExpositionFormat.JSON) {
            return Reply.ok(Views.StatsView.of(buffer.getStats()));
        }
        if (format.get() == ExpositionFormat.HTML) {
            return Reply.text(Dashboard.HTML, Dashboard.page(metricsPath, settings.traceUrl()));
        }
        OperationTable table = operationTable();
        int entries = buffer.size();
        int capacity = buffer.getMaxSize();
        Map<OperationType, Double> rates = samplingRates();
        ExpositionFormat chosen = format.get();
        return Reply.streamed(chosen.contentType(),
                out -> PrometheusWriter.write(chosen, table, entries, capacity, rates, out));
    }

    /**
     * The buffer's cumulative statistics as the table they were read into, in one pass over the
     * operations: {@code getOperationStats()} answers a view of one.
     */
    private OperationTable operationTable() {
        List<OperationStats> stats = buffer.getOperationStats();
        if (stats instanceof OperationTable.Source source) {
            return source.table();
        }
        throw new IllegalStateException(buffer.getClass().getName() + " overrides MetricsBuffer.getOperationStats() with "
                + stats.getClass().getName() + "; the metrics endpoint reads the statistics MetricsBuffer itself answers");
    }

    private Map<OperationType, Double> samplingRates() {
        Map<OperationType, Double> rates = new java.util.EnumMap<>(OperationType.class);
        for (OperationType type : OperationType.values()) {
            rates.put(type, buffer.getSamplingRate(type));
        }
        return rates;
    }

    Reply recent(Map<String, List<String>> query) throws BadRequestException {
        QueryParameters params = QueryParameters.of(query, Set.of("limit", "type"));
        int limit = params.integer("limit", Math.min(DEFAULT_LIMIT, buffer.getMaxSize()), 1, buffer.getMaxSize());
        OperationType type = params.type("type");
        List<Metric> recent = type == null ? buffer.getRecent(limit) : buffer.getRecent(limit, type);
        return Reply.ok(views(recent));
    }

    Reply slow(Map<String, List<String>> query) throws BadRequestException {
        QueryParameters params = QueryParameters.of(query, Set.of("threshold_ms", "type"));
        double threshold = params.nonNegative("threshold_ms", settings.slowThresholdMs());
        OperationType type = params.type("type");
        return Reply.ok(views(newestFirst(buffer.getSlowOperations(threshold, type), Integer.MAX_VALUE)));
    }

    /** The dashboard page, whatever the Accept header. */
    Reply dashboard(Map<String, List<String>> query) throws BadRequestException {
        return dashboardResource(query, Dashboard.HTML, Dashboard.page(metricsPath, settings.traceUrl()));
    }

    /** The dashboard's script or style sheet. */
    Reply dashboardResource(Map<String, List<String>> query, String contentType, String text) throws BadRequestException {
        QueryParameters.of(query, Set.of());
        return Reply.text(contentType, text);
    }

    /** Per-type totals of each 10-second slot of the last 15 minutes; {@code type} keeps one type. */
    Reply history(Map<String, List<String>> query) throws BadRequestException {
        QueryParameters params = QueryParameters.of(query, Set.of("type"));
        OperationType type = params.type("type");
        Instant processStarted = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        return Reply.ok(Views.HistoryView.of(buffer.getHistory(), buffer.getTotalsSinceStart(), type, processStarted,
                settings.mutationsEnabled()));
    }

    Reply operations(Map<String, List<String>> query) throws BadRequestException {
        QueryParameters params = QueryParameters.of(query, Set.of("type"));
        OperationType type = params.type("type");
        OperationTable table = operationTable();
        int from = type == null ? 0 : table.firstOfType(type.ordinal());
        int to = type == null ? table.size() : table.firstOfType(type.ordinal() + 1);
        return Reply.ok(new Views.OperationViews(table, from, to));
    }

    Reply clear(Map<String, List<String>> query) throws BadRequestException {
        QueryParameters.of(query, Set.of());
        if (!settings.mutationsEnabled()) {
            return mutationsRefused();
        }
        buffer.clear();
        return Reply.noContent();
    }

    Reply setSamplingRate(String typeName, String body, Map<String, List<String>> query) throws BadRequestException {
        QueryParameters.of(query, Set.of());
        if (!settings.mutationsEnabled()) {
            return mutationsRefused();
        }
        OperationType type = QueryParameters.parseType("path parameter 'type'", typeName);
        buffer.setSamplingRate(type, SamplingRateBody.rate(body));
        Map<String, Double> rates = new LinkedHashMap<>();
        samplingRates().forEach((each, rate) -> rates.put(each.key(), rate));
        return Reply.ok(new Views.SamplingView(rates));
    }

    private static Reply mutationsRefused() {
        return Reply.error(403, "changing metrics is disabled; set " + Keys.ENDPOINT_MUTATIONS + "=true to allow it");
    }

    private static List<Metric> newestFirst(List<Metric> oldestFirst, int limit) {
        List<Metric> result = new ArrayList<>(Math.min(limit, oldestFirst.size()));
        for (int i = oldestFirst.size() - 1; i >= 0 && result.size() < limit; i--) {
            result.add(oldestFirst.get(i));
        }
        return result;
    }

    private static List<Views.MetricView> views(List<Metric> metrics) {
        List<Views.MetricView> views = new ArrayList<>(metrics.size());
        for (Metric metric : metrics) {
            views.add(Views.MetricView.of(metric));
        }
        return views;
    }
}
