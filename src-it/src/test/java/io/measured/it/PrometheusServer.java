package io.measured.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A real Prometheus on loopback that scrapes given demo instances every second. */
final class PrometheusServer implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Http http;

    private PrometheusServer(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.http = new Http(base);
    }

    /** Starts Prometheus scraping {@code /api/metrics} of each target ({@code host:port}) every second. */
    static PrometheusServer scraping(List<String> targets) throws IOException, InterruptedException {
        return scraping(targets, "1s", "1s", List.of());
    }

    /**
     * Starts Prometheus scraping {@code /api/metrics} of each target at the given interval and
     * timeout (Prometheus durations such as {@code 15s}); {@code jobLines} are added to the job, such
     * as {@code metric_relabel_configs}, each indented for it.
     */
    static PrometheusServer scraping(List<String> targets, String interval, String timeout, List<String> jobLines)
            throws IOException, InterruptedException {
        return scraping(targets, interval, timeout, jobLines, List.of());
    }

    /**
     * {@link #scraping(List, String, String, List)} with the given feature flags
     * ({@code --enable-feature}, such as {@code exemplar-storage}).
     */
    static PrometheusServer scraping(List<String> targets, String interval, String timeout, List<String> jobLines,
            List<String> features) throws IOException, InterruptedException {
        Path binary = PrometheusTools.require("prometheus");
        Path work = ServerProcess.workDirectory("prometheus");
        String targetList = targets.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "));
        List<String> config = new java.util.ArrayList<>(List.of(
                "global:",
                "  scrape_interval: " + interval,
                "  scrape_timeout: " + timeout,
                "scrape_configs:",
                "  - job_name: measured-demo",
                "    metrics_path: /api/metrics",
                "    static_configs:",
                "      - targets: [" + targetList + "]"));
        config.addAll(jobLines);
        config.add("");
        Files.writeString(work.resolve("prometheus.yml"), String.join("\n", config));
        int port = Ports.free();
        Path log = work.resolve("prometheus.log");
        List<String> command = new java.util.ArrayList<>(List.of(binary.toString(),
                "--config.file=" + work.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port));
        features.forEach(feature -> command.add("--enable-feature=" + feature));
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PrometheusServer server = new PrometheusServer(process, log, URI.create("http://127.0.0.1:" + port + "/"));
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited:\n" + log());
            }
            try {
                if (http.get("-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Prometheus was not ready within 60 s:\n" + log());
    }

    /** Runs an instant query; returns the result vector. */
    JsonArray query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = http.get("api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonObject body = Http.object(response);
        if (response.statusCode() != 200 || !"success".equals(body.getString("status"))) {
            throw new IllegalStateException("query " + promql + " failed: " + response.body());
        }
        return body.getJsonObject("data").getJsonArray("result");
    }

    /**
     * The exemplars stored for a query's series between two instants (needs the
     * {@code exemplar-storage} feature): one entry per series, {@code seriesLabels} and {@code exemplars}.
     */
    JsonArray exemplars(String promql, java.time.Instant start, java.time.Instant end) throws IOException, InterruptedException {
        HttpResponse<String> response = http.get("api/v1/query_exemplars?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&start=" + start.getEpochSecond() + "&end=" + end.getEpochSecond());
        JsonObject body = Http.object(response);
        if (response.statusCode() != 200 || !"success".equals(body.getString("status"))) {
            throw new IllegalStateException("exemplar query " + promql + " failed: " + response.body());
        }
        return body.getJsonArray("data");
    }

    /** Each scrape target's health as Prometheus reports it: its URL, health and last error. */
    JsonArray activeTargets() throws IOException, InterruptedException {
        return Http.object(http.get("api/v1/targets?state=active")).getJsonObject("data").getJsonArray("activeTargets");
    }

    /** The value of each result sample, keyed by the given label's value. */
    Map<String, Double> valuesBy(String label, String promql) throws IOException, InterruptedException {
        return query(promql).stream().map(v -> v.asJsonObject()).collect(Collectors.toMap(
                sample -> sample.getJsonObject("metric").getString(label, ""),
                sample -> Double.parseDouble(sample.getJsonArray("value").getString(1))));
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
