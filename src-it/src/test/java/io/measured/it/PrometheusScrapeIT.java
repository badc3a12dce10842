package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;
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

                // Every pause sleeps 30 ms, so every call lands in the (0.025, 0.05] bucket.
                double p95 = prometheus.query("histogram_quantile(0.95, sum by (le) "
                        + "(measured_operation_duration_seconds_bucket{operation=\"Worker.pause\"}))")
                        .getJsonObject(0).getJsonArray("value").getJsonString(1).getString().transform(Double::parseDouble);
                assertThat(p95).isGreaterThan(0.025).isLessThanOrEqualTo(0.05);

                Map<String, Double> errors = prometheus.valuesBy("type", "sum by (type) (measured_operation_errors_total)");
                assertThat(errors).containsEntry("render", 0.0);
                assertThat(prometheus.valuesBy("instance", "measured_buffer_capacity"))
                        .containsOnlyKeys(targets).containsValues(1000.0);
            }
        }
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
