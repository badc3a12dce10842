package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Scrapes of 1,000, 10,000 and 100,000 operations (the most {@code measured.operations.max}
 * allows) over HTTP from the demo on WildFly, plain and gzip-compressed: their sizes and times go
 * to {@code target/scrape-figures.txt}; each median must stay within Prometheus' default timeout
 * (10 s), and a real Prometheus with its default interval (15 s) and timeout must scrape the
 * largest without timing out. Prometheus drops the series after parsing them (it would need
 * gigabytes for 1.9 million), keeping its own scrape_* series.
 */
@DisplayName("scrapes of up to 100,000 operations, plain and gzip, and Prometheus within its default timeout")
class ScrapeScaleIT {

    private static final int[] OPERATIONS = {1_000, 10_000, 100_000};
    private static final int TIMED_SCRAPES = 5;
    private static final int SERIES_PER_OPERATION = 19; // 16 bucket lines, sum, count, errors

    @Test
    void scrapesOfUpToTheMostOperations() throws Exception {
        PrometheusTools.require("prometheus");
        try (WildFlyServer server = new WildFlyServer()) {
            ServerProcess.Deployment deployment = server.start(Map.of("measured.operations.max", "100000"));
            assertThat(deployment.deployed()).as("log:\n%s", deployment.failure()).isTrue();
            Http http = new Http(deployment.baseUri());
            int recorded = 0;
            for (int operations : OPERATIONS) {
                HttpResponse<String> made = http.post("api/synthetic?from=" + recorded + "&to=" + operations, "");
                assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
                recorded = operations;
                Scrape plain = scrape(http, "identity", operations);
                Scrape gzip = scrape(http, "gzip", operations);
                assertThat(plain.medianMs()).as("a plain scrape's median, against Prometheus' default timeout").isLessThan(10_000);
                assertThat(gzip.medianMs()).as("a gzip scrape's median").isLessThan(plain.medianMs() + 1_000);
                figure(String.format("%,d operations: plain %,d bytes in %d ms (median of %d, %d .. %d); gzip %,d bytes in %d ms"
                        + " (median of %d, %d .. %d)", operations, plain.bytes, plain.medianMs(), TIMED_SCRAPES,
                        plain.millis[0], plain.millis[TIMED_SCRAPES - 1], gzip.bytes, gzip.medianMs(), TIMED_SCRAPES,
                        gzip.millis[0], gzip.millis[TIMED_SCRAPES - 1]));
            }
            String target = deployment.baseUri().getHost() + ":" + deployment.baseUri().getPort();
            try (PrometheusServer prometheus = PrometheusServer.scraping(List.of(target), "15s", "10s", List.of(
                    "    metric_relabel_configs:",
                    "      - source_labels: [__name__]",
                    "        regex: 'measured_.*'",
                    "        action: drop"))) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        assertThat(prometheus.valuesBy("job", "scrape_samples_scraped")).as("Prometheus log:\n%s",
                                prometheus.log()).containsKey("measured-demo"));
                double up = prometheus.valuesBy("job", "up").get("measured-demo");
                double seconds = prometheus.valuesBy("job", "scrape_duration_seconds").get("measured-demo");
                double samples = prometheus.valuesBy("job", "scrape_samples_scraped").get("measured-demo");
                figure(String.format("Prometheus (15 s interval, 10 s timeout, gzip as it asks): up %.0f, %.0f samples,"
                        + " scrape_duration_seconds %.3f (its own parsing included)", up, samples, seconds));
                // The timeout bounds the fetch (Prometheus reads the whole body before it parses it):
                // a fetch that outlasts it is up 0 with "context deadline exceeded".
                assertThat(up).as("the scrape of 100,000 operations within the timeout; Prometheus log:\n%s", prometheus.log())
                        .isEqualTo(1.0);
                assertThat(samples).isGreaterThanOrEqualTo(100_000.0 * SERIES_PER_OPERATION);
            }
        }
    }

    private record Scrape(long bytes, long[] millis) {
        long medianMs() {
            return millis[millis.length / 2];
        }
    }

    /** One scrape to warm up, then {@link #TIMED_SCRAPES} timed ones, each read to its end. */
    private static Scrape scrape(Http http, String coding, int operations) throws IOException, InterruptedException {
        long bytes = 0;
        long[] millis = new long[TIMED_SCRAPES];
        for (int i = -1; i < TIMED_SCRAPES; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.bytes("api/metrics", "Accept", "text/plain", "Accept-Encoding", coding);
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Encoding").orElse("identity")).isEqualTo(coding);
            bytes = response.body().length;
            if (i >= 0) {
                millis[i] = elapsed;
            }
        }
        if (coding.equals("identity")) {
            HttpResponse<byte[]> last = http.bytes("api/metrics", "Accept", "text/plain");
            long counts = new String(last.body(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("measured_operation_duration_seconds_count{")).count();
            assertThat(counts).as("one series per operation and the demo's own").isGreaterThanOrEqualTo(operations);
        }
        Arrays.sort(millis);
        return new Scrape(bytes, millis);
    }

    private static void figure(String line) throws IOException {
        System.out.println(line);
        Path figures = Path.of(System.getProperty("servers.work", "target/server-runs")).resolveSibling("scrape-figures.txt");
        Files.writeString(figures, Instant.now() + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
