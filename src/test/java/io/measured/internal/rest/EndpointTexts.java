package io.measured.internal.rest;

import io.measured.MetricsBuffer;
import io.measured.internal.config.MapConfig;
import io.measured.internal.config.SettingsReader;
import java.util.List;
import java.util.Map;

/**
 * For tests of other packages: everything the metrics endpoints serve of a buffer, rendered as a
 * client gets it (JSON of the statistics, recent calls, slow calls, operations and history; the
 * Prometheus text and OpenMetrics), so that a test can check what must never be served. Not
 * thread-safe.
 */
public final class EndpointTexts {

    private final JsonRenderer json = new JsonRenderer();

    /** Every answer of the read endpoints for {@code buffer}, one after the other. */
    public String everything(MetricsBuffer buffer) {
        try {
            return render(buffer);
        } catch (BadRequestException e) {
            throw new IllegalStateException("the endpoints refused parameters they take: " + e.getMessage(), e);
        }
    }

    private String render(MetricsBuffer buffer) throws BadRequestException {
        MetricsEndpoint endpoint = new MetricsEndpoint(buffer, SettingsReader.read(new MapConfig(Map.of())));
        Map<String, List<String>> none = Map.of();
        StringBuilder served = new StringBuilder();
        for (Reply reply : List.of(endpoint.stats(none), endpoint.recent(Map.of("limit", List.of(Integer.toString(buffer.getMaxSize())))),
                endpoint.slow(Map.of("threshold_ms", List.of("0"))), endpoint.operations(none), endpoint.history(none),
                endpoint.stats(none, "text/plain"), endpoint.stats(none, "application/openmetrics-text"))) {
            served.append(Rendered.text(reply, json)).append('\n');
        }
        return served.toString();
    }
}
