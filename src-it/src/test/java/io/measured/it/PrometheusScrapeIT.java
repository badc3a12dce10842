package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Scale-out as users run it: two demo instances (two WildFly processes), one real Prometheus
 * scraping both, and PromQL across them.
 */
@DisplayName("Prometheus scrapes and aggregates two instances")
class PrometheusScrapeIT {

    private static final int CALLS_ON_FIRST = 7;
    private static final int CALLS_ON_SECOND = 5;

    @Test
    void sumsAndQuantilesAcrossInstances() throws Exception {
        PrometheusTools.require("prometheus");
        try (WildFlyServer first = new WildFlyServer(); WildFlyServer second = new WildFlyServer()) {
            ServerProcess.Deployment one = first.start(Map.of());
            ServerProcess.Deployment two = second.start(Map.of());
            assertThat(one.deployed()).as("first instance; log:\n%s", one.failure()).isTrue();
            assertThat(two.deployed()).as("second instance; log:\n%s", two.failure()).isTrue();
            work(new Http(one.baseUri()), CALLS_ON_FIRST);
            work(new Http(two.baseUri()), CALLS_ON_SECOND);

            List<String> targets = List.of(hostPort(one), hostPort(two));
            try (PrometheusServer prometheus = PrometheusServer.scraping(targets)) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(prometheus.valuesBy("instance", "up{job=\"measured-demo\"}"))
                                .as("both targets scraped; Prometheus log:\n%s", prometheus.log())
                                .containsOnlyKeys(targets).containsValues(1.0));
                int total = CALLS_ON_FIRST + CALLS_ON_SECOND;
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    Map<String, Double> byType = prometheus.valuesBy("type",
                            "sum by (type) (measured_operation_duration_seconds_count)");
                    assertThat(byType).containsEntry("render", (double) total).containsEntry("http", (double) total);
                });
                Map<String, Double> perInstance = prometheus.valuesBy("instance",
                        "sum by (instance) (measured_operation_duration_seconds_count{operation=\"Worker.pause\"})");
                assertThat(perInstance).containsEntry(hostPort(one), (double) CALLS_ON_FIRST)
                        .containsEntry(hostPort(two), (double) CALLS_ON_SECOND);

                // Every pause sleeps 30 ms: none is below 0.025 s. Where each lands above that depends on
                // the machine's load, so the quantile is checked against the one the buckets themselves give.
                double p95 = prometheus.query("histogram_quantile(0.95, sum by (le) "
                        + "(measured_operation_duration_seconds_bucket{operation=\"Worker.pause\"}))")
                        .getJsonObject(0).getJsonArray("value").getJsonString(1).getString().transform(Double::parseDouble);
                Map<String, Double> buckets = prometheus.valuesBy("le",
                        "sum by (le) (measured_operation_duration_seconds_bucket{operation=\"Worker.pause\"})");
                assertThat(buckets).containsEntry("0.025", 0.0).containsEntry("+Inf", (double) total);
                assertThat(p95).isGreaterThan(0.025).isCloseTo(quantile(0.95, buckets), within(1e-9));

                Map<String, Double> errors = prometheus.valuesBy("type", "sum by (type) (measured_operation_errors_total)");
                assertThat(errors).containsEntry("render", 0.0);
                assertThat(prometheus.valuesBy("instance", "measured_buffer_capacity"))
                        .containsOnlyKeys(targets).containsValues(1000.0);
            }
        }
    }

    /**
     * The quantile a cumulative histogram gives, interpolated within its bucket as Prometheus'
     * {@code histogram_quantile} does (buckets keyed by their {@code le}, +Inf among them).
     */
    private static double quantile(double q, Map<String, Double> cumulative) {
        java.util.TreeMap<Double, Double> byBound = new java.util.TreeMap<>();
        cumulative.forEach((le, count) -> byBound.put(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), count));
        double rank = q * byBound.lastEntry().getValue();
        double lowerBound = 0;
        double countBelow = 0;
        for (Map.Entry<Double, Double> bucket : byBound.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound; // Prometheus answers the highest finite bound for the +Inf bucket
                }
                return lowerBound + (bucket.getKey() - lowerBound) * (rank - countBelow) / (bucket.getValue() - countBelow);
            }
            lowerBound = bucket.getKey();
            countBelow = bucket.getValue();
        }
        throw new AssertionError("no bucket reaches rank " + rank + " in " + cumulative);
    }

    private static void work(Http http, int calls) throws Exception {
        for (int i = 0; i < calls; i++) {
            assertThat(http.get("api/tasks?ms=30").statusCode()).isEqualTo(200);
        }
    }

    private static String hostPort(ServerProcess.Deployment deployment) {
        return deployment.baseUri().getHost() + ":" + deployment.baseUri().getPort();
    }
}
