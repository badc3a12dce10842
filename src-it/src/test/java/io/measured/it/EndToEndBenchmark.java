package io.measured.it;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end cost on a real server, bounded and on loopback only. On Payara Micro, alternately
 * with {@code measured.enabled=true} and {@code false}: requests per second to a demo endpoint
 * that goes through {@code @Measured} beans and HTTP timing; then, on one server, requests per
 * second to {@code GET /api/metrics} (JSON and Prometheus text) and to Payara's own MicroProfile
 * Metrics {@code GET /metrics}. Prints a table; run with {@code mvn -B -Pe2e-bench verify}.
 */
public final class EndToEndBenchmark {

    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup.seconds", 10));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final long MAX_REQUESTS = 5_000_000;
    private static final String ENDPOINT = "api/notes/1/html";

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; load: %d client threads, %s warm-up, %s x %d rounds%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), THREADS, WARMUP, MEASURE, ROUNDS);
        List<Double> on = new ArrayList<>();
        List<Double> off = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            off.add(endpointThroughput("false"));
            on.add(endpointThroughput("true"));
        }
        double onMedian = median(on);
        double offMedian = median(off);
        System.out.printf(Locale.ROOT, "%n%s req/s, measured.enabled=false: %s -> median %.0f%n", ENDPOINT, off, offMedian);
        System.out.printf(Locale.ROOT, "%s req/s, measured.enabled=true:  %s -> median %.0f%n", ENDPOINT, on, onMedian);
        System.out.printf(Locale.ROOT, "throughput loss with measured on: %.2f%%%n", 100 * (1 - onMedian / offMedian));
        readers();
    }

    private static double endpointThroughput(String enabled) throws Exception {
        try (PayaraMicroServer server = new PayaraMicroServer()) {
            ServerProcess.Deployment deployment = server.start(Map.of("measured.enabled", enabled));
            if (!deployment.deployed()) {
                throw new IllegalStateException("demo did not deploy:\n" + deployment.failure());
            }
            Http http = new Http(deployment.baseUri());
            http.post("api/notes", "{\"title\":\"bench\",\"body\":\"a note to render\"}");
            URI uri = deployment.baseUri().resolve(ENDPOINT);
            LoadGenerator.run(uri, "*/*", THREADS, WARMUP, MAX_REQUESTS);
            LoadGenerator.Result result = LoadGenerator.run(uri, "*/*", THREADS, MEASURE, MAX_REQUESTS);
            check(result);
            return Math.round(result.perSecond() * 10) / 10.0;
        }
    }

    private static void readers() throws Exception {
        try (PayaraMicroServer server = new PayaraMicroServer()) {
            ServerProcess.Deployment deployment = server.start(Map.of());
            if (!deployment.deployed()) {
                throw new IllegalStateException("demo did not deploy:\n" + deployment.failure());
            }
            Http http = new Http(deployment.baseUri());
            http.post("api/notes", "{\"title\":\"bench\",\"body\":\"a note to render\"}");
            for (int i = 0; i < 2000; i++) {
                http.get(ENDPOINT);
            }
            String[][] targets = {
                {"api/metrics", "application/json", "measured JSON"},
                {"api/metrics", "text/plain", "measured Prometheus text"},
                {"metrics", "text/plain", "Payara MicroProfile Metrics"},
            };
            System.out.println();
            for (String[] target : targets) {
                URI uri = deployment.baseUri().resolve(target[0]);
                LoadGenerator.run(uri, target[1], THREADS, WARMUP, MAX_REQUESTS);
                LoadGenerator.Result result = LoadGenerator.run(uri, target[1], THREADS, MEASURE, MAX_REQUESTS);
                check(result);
                System.out.printf(Locale.ROOT, "GET /%s (%s): %.0f req/s%n", target[0], target[2], result.perSecond());
            }
        }
    }

    private static void check(LoadGenerator.Result result) {
        if (result.errors() > 0) {
            throw new IllegalStateException(result.errors() + " of " + result.requests() + " requests failed");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
