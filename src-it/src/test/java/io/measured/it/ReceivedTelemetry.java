package io.measured.it;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Everything an {@link OtlpReceiver} decoded: histogram points, spans, and the kind of every metric
 * seen (histograms are kept whole, other kinds by name only). Thread-safe: exports arrive on the
 * receiver's threads while a test queries.
 */
final class ReceivedTelemetry {

    private final List<HistogramPoint> histograms = new ArrayList<>();
    private final List<ReceivedSpan> spans = new ArrayList<>();
    private final Map<String, String> metricKinds = new TreeMap<>();

    synchronized void add(ExportMetricsServiceRequest request) {
        for (ResourceMetrics resource : request.getResourceMetricsList()) {
            Map<String, String> resourceAttributes = strings(resource.getResource().getAttributesList());
            for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                for (Metric metric : scope.getMetricsList()) {
                    metricKinds.put(metric.getName(), metric.getDataCase().name().toLowerCase(java.util.Locale.ROOT));
                    if (metric.hasHistogram()) {
                        boolean cumulative = metric.getHistogram().getAggregationTemporality()
                                == AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
                        for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
                            histograms.add(point(metric, scope.getScope().getName(), resourceAttributes, cumulative, point));
                        }
                    }
                }
            }
        }
    }

    synchronized void add(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    spans.add(new ReceivedSpan(span.getName(), hex(span.getTraceId()), hex(span.getSpanId()),
                            hex(span.getParentSpanId()), span.getKind().name(), scope.getScope().getName(),
                            strings(span.getAttributesList())));
                }
            }
        }
    }

    private static HistogramPoint point(Metric metric, String scope, Map<String, String> resource, boolean cumulative,
            HistogramDataPoint point) {
        List<HistogramPoint.Exemplar> exemplars = point.getExemplarsList().stream()
                .map(e -> new HistogramPoint.Exemplar(hex(e.getTraceId()), hex(e.getSpanId()),
                        e.hasAsDouble() ? e.getAsDouble() : e.getAsInt(), e.getTimeUnixNano()))
                .toList();
        return new HistogramPoint(metric.getName(), metric.getUnit(), scope, resource,
                strings(point.getAttributesList()), cumulative, point.getStartTimeUnixNano(), point.getTimeUnixNano(),
                point.getCount(), point.getSum(), List.copyOf(point.getBucketCountsList()),
                List.copyOf(point.getExplicitBoundsList()), exemplars);
    }

    /** Every histogram point received for the metric, in order of arrival. */
    synchronized List<HistogramPoint> histograms(String metric) {
        return histograms.stream().filter(p -> p.metric().equals(metric)).toList();
    }

    /**
     * How many measurements the matching points of a metric add up to: for cumulative points the
     * newest point of each series (it holds its series' total), for delta points all of them.
     */
    synchronized long count(String metric, Predicate<HistogramPoint> matching) {
        Map<HistogramPoint.Series, HistogramPoint> newest = new HashMap<>();
        long total = 0;
        for (HistogramPoint point : histograms) {
            if (!point.metric().equals(metric) || !matching.test(point)) {
                continue;
            }
            if (point.cumulative()) {
                newest.merge(point.series(), point, (a, b) -> b.timeNanos() >= a.timeNanos() ? b : a);
            } else {
                total += point.count();
            }
        }
        return total + newest.values().stream().mapToLong(HistogramPoint::count).sum();
    }

    /** {@link #count(String, Predicate)} of the points carrying all the given attribute values. */
    long count(String metric, Map<String, String> attributes) {
        return count(metric, point -> point.attributes().entrySet().containsAll(attributes.entrySet()));
    }

    synchronized List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    /** The name and kind ({@code histogram}, {@code sum}, {@code gauge} ...) of every metric received. */
    synchronized Map<String, String> metricKinds() {
        return Map.copyOf(metricKinds);
    }

    /** A short account for assertion messages: metric names and kinds, span counts by scope. */
    synchronized String summary() {
        return "metrics " + metricKinds + "; spans by scope " + spans.stream()
                .collect(Collectors.groupingBy(ReceivedSpan::scope, TreeMap::new, Collectors.counting()));
    }

    private static Map<String, String> strings(List<KeyValue> attributes) {
        Map<String, String> map = new TreeMap<>();
        for (KeyValue attribute : attributes) {
            map.put(attribute.getKey(), string(attribute.getValue()));
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static String string(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BYTES_VALUE -> hex(value.getBytesValue());
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(ReceivedTelemetry::string)
                    .collect(Collectors.joining(",", "[", "]"));
            case KVLIST_VALUE -> strings(value.getKvlistValue().getValuesList()).toString();
            default -> "";
        };
    }

    private static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }
}
