package io.measured.internal.config;

import io.measured.MetricsBuffer;
import io.measured.OperationType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The validated {@code measured.*} settings of one application. Immutable.
 *
 * @param httpExclude path prefixes (within the application) of requests that are not timed
 * @param facesEnabled whether Faces views' render phases are timed
 * @param jdbcEnabled whether the JDBC wrappers record (false: they pass every call through)
 * @param endpointRole the role every metrics request needs; empty for an open endpoint
 * @param expectedErrors binary names of the exception classes of normal flow, for every binding and
 *        SQL; loaded and checked with the application's class loader by {@link ExpectedErrors}
 * @param otelEnabled whether the application's OpenTelemetry, where it has one, is used
 * @param otelTypes the types whose calls also go to OpenTelemetry's histograms
 * @param traceUrl a URL template with {@code {trace_id}}, which the dashboard links trace ids to
 */
public record MeasuredSettings(boolean enabled, int bufferSize, Map<OperationType, Double> samplingRates,
        double slowThresholdMs, boolean httpEnabled, List<String> httpExclude, boolean facesEnabled,
        boolean jdbcEnabled, Optional<String> endpointRole,
        boolean mutationsEnabled, int metadataMaxLength, int operationsMax, List<Double> histogramBuckets,
        List<String> expectedErrors, boolean otelEnabled, Set<OperationType> otelTypes, Optional<String> traceUrl) {

    public MeasuredSettings {
        Map<OperationType, Double> copy = new EnumMap<>(OperationType.class);
        copy.putAll(samplingRates);
        samplingRates = Collections.unmodifiableMap(copy);
        histogramBuckets = List.copyOf(histogramBuckets);
        httpExclude = List.copyOf(httpExclude);
        expectedErrors = List.copyOf(expectedErrors);
        otelTypes = otelTypes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(otelTypes));
    }

    /** The settings as a deployment log shows them: each key's value, "none" where a key is unset. */
    @Override
    public String toString() {
        return "enabled=" + enabled + ", buffer.size=" + bufferSize + ", sampling.rate=" + samplingRates
                + ", slow.threshold-ms=" + slowThresholdMs + ", http.enabled=" + httpEnabled + ", http.exclude="
                + httpExclude + ", faces.enabled=" + facesEnabled + ", jdbc.enabled=" + jdbcEnabled
                + ", endpoint.role=" + endpointRole.orElse("none") + ", endpoint.mutations=" + mutationsEnabled
                + ", metadata.max-length=" + metadataMaxLength + ", operations.max=" + operationsMax
                + ", histogram.buckets=" + histogramBuckets + ", errors.expected=" + expectedErrors
                + ", otel.enabled=" + otelEnabled + ", otel.types=" + otelTypes + ", trace.url="
                + traceUrl.orElse("none");
    }

    /** Builds the application's buffer from these settings. */
    public MetricsBuffer newBuffer() {
        return MetricsBuffer.builder()
                .maxSize(bufferSize)
                .samplingRates(samplingRates)
                .slowThresholdMs(slowThresholdMs)
                .metadataMaxLength(metadataMaxLength)
                .maxOperations(operationsMax)
                .histogramBuckets(histogramBuckets)
                .build();
    }
}
