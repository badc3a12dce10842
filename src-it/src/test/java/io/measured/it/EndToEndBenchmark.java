package io.measured.it;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end cost on a real server, bounded and on loopback only. One Payara Micro runs the demo
 * twice: at {@code /on} as is, and at {@code /off} with {@code measured.enabled=false} in the
 * WAR's own microprofile-config.properties. Short measurement slices alternate between the two
 * (off-on, then on-off, and so on), so both see the same JIT state, heap and machine noise, and
 * each pair of slices gives one loss figure; the median of the pairs is the result. Then, on the
 * same server, requests per second to {@code GET /on/api/metrics} (JSON and Prometheus text) and
 * to Payara's own MicroProfile Metrics {@code GET /metrics}. Run with
 * {@code mvn -B -Pe2e-bench verify}.
 */
public final class EndToEndBenchmark {

    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup.seconds", 60));
    private static final Duration SLICE = Duration.ofSeconds(Integer.getInteger("bench.slice.seconds", 5));
    private static final int PAIRS = Integer.getInteger("bench.pairs", 16);
    private static final long MAX_REQUESTS = 5_000_000;
    /** A JAX-RS page (one HTTP timing, two @Measured calls) and a stateless Faces page (HTTP timing and its render phase). */
    private static final List<String> ENDPOINTS = List.of("api/notes/1/html", "about.xhtml");

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; load: %d client threads, %s warm-up, %d pairs of %s slices%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), THREADS, WARMUP, PAIRS, SLICE);
        Path wars = ServerProcess.workDirectory("wars");
        Map<String, Path> apps = new LinkedHashMap<>();
        apps.put("/on", ServerProcess.demoWarWithConfig(wars, "on.war", "# measured as configured by default\n"));
        apps.put("/off", ServerProcess.demoWarWithConfig(wars, "off.war", "measured.enabled=false\n"));
        try (PayaraMicroServer server = new PayaraMicroServer()) {
            ServerProcess.Deployment deployment = server.start(Map.of(), apps);
            if (!deployment.deployed()) {
                throw new IllegalStateException("demo did not deploy:\n" + deployment.failure());
            }
            Http http = new Http(deployment.baseUri());
            for (String app : List.of("on/", "off/")) {
                http.post(app + "api/notes", "{\"title\":\"bench\",\"body\":\"a note to render\"}");
            }
            Duration warmupSlice = WARMUP.dividedBy(4 * ENDPOINTS.size());
            for (int i = 0; i < 2; i++) {
                for (String endpoint : ENDPOINTS) {
                    LoadGenerator.run(deployment.baseUri().resolve("off/" + endpoint), "*/*", THREADS, warmupSlice, MAX_REQUESTS);
                    LoadGenerator.run(deployment.baseUri().resolve("on/" + endpoint), "*/*", THREADS, warmupSlice, MAX_REQUESTS);
                }
            }
            for (String endpoint : ENDPOINTS) {
                endpointLoss(endpoint, deployment.baseUri().resolve("on/" + endpoint),
                        deployment.baseUri().resolve("off/" + endpoint));
            }
            checkOnlyOnRecorded(http);
            readers(deployment.baseUri());
        }
    }

    private static void endpointLoss(String endpoint, URI on, URI off) throws Exception {
        List<Double> losses = new ArrayList<>();
        double onTotal = 0;
        double offTotal = 0;
        System.out.printf(Locale.ROOT, "%n%-6s %12s %12s %8s%n", "pair", "off req/s", "on req/s", "loss");
        for (int pair = 0; pair < PAIRS; pair++) {
            double offRate;
            double onRate;
            if (pair % 2 == 0) {
                offRate = slice(off);
                onRate = slice(on);
            } else {
                onRate = slice(on);
                offRate = slice(off);
            }
            double loss = 100 * (1 - onRate / offRate);
            losses.add(loss);
            onTotal += onRate;
            offTotal += offRate;
            System.out.printf(Locale.ROOT, "%-6d %12.0f %12.0f %7.2f%%%n", pair + 1, offRate, onRate, loss);
        }
        List<Double> sorted = new ArrayList<>(losses);
        sorted.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%s, measured on vs off: median loss %.2f%% (pairs from %.2f%% to %.2f%%; "
                + "all slices together %.2f%%)%n", endpoint, median(sorted), sorted.get(0), sorted.get(sorted.size() - 1),
                100 * (1 - onTotal / offTotal));
    }

    private static double slice(URI uri) throws Exception {
        LoadGenerator.Result result = LoadGenerator.run(uri, "*/*", THREADS, SLICE, MAX_REQUESTS);
        check(result);
        return result.perSecond();
    }

    /** The comparison is only meaningful if /on records and /off does not. */
    private static void checkOnlyOnRecorded(Http http) throws Exception {
        int onCount = Http.object(http.get("on/api/metrics")).getInt("total_count");
        int offCount = Http.object(http.get("off/api/metrics")).getInt("total_count");
        if (onCount == 0 || offCount != 0) {
            throw new IllegalStateException("expected /on to record and /off not to; buffered: on " + onCount
                    + ", off " + offCount);
        }
    }

    private static void readers(URI base) throws Exception {
        String[][] targets = {
            {"on/api/metrics", "application/json", "measured JSON"},
            {"on/api/metrics", "text/plain", "measured Prometheus text"},
            {"metrics", "text/plain", "Payara MicroProfile Metrics"},
        };
        System.out.println();
        for (String[] target : targets) {
            URI uri = base.resolve(target[0]);
            LoadGenerator.run(uri, target[1], THREADS, WARMUP.dividedBy(2), MAX_REQUESTS);
            LoadGenerator.Result result = LoadGenerator.run(uri, target[1], THREADS, SLICE.multipliedBy(4), MAX_REQUESTS);
            check(result);
            System.out.printf(Locale.ROOT, "GET /%s (%s): %.0f req/s%n", target[0], target[2], result.perSecond());
        }
    }

    private static void check(LoadGenerator.Result result) {
        if (result.errors() > 0) {
            throw new IllegalStateException(result.errors() + " of " + result.requests() + " requests failed");
        }
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
