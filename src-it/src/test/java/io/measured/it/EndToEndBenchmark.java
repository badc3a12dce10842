package io.measured.it;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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

    /** A JAX-RS page (one HTTP timing, two @Measured calls) and a stateless Faces page (HTTP timing and its render phase). */
    private static final List<String> ENDPOINTS = List.of("api/notes/1/html", "about.xhtml");

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PairedSlices slices = PairedSlices.configured();
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
            Duration warmupSlice = slices.warmup().dividedBy(4 * ENDPOINTS.size());
            for (int i = 0; i < 2; i++) {
                for (String endpoint : ENDPOINTS) {
                    slices.warm(deployment.baseUri().resolve("off/" + endpoint), "*/*", warmupSlice);
                    slices.warm(deployment.baseUri().resolve("on/" + endpoint), "*/*", warmupSlice);
                }
            }
            for (String endpoint : ENDPOINTS) {
                slices.medianLoss(endpoint, "off", deployment.baseUri().resolve("off/" + endpoint),
                        "on", deployment.baseUri().resolve("on/" + endpoint));
            }
            checkOnlyOnRecorded(http);
            readers(slices, deployment.baseUri());
        }
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

    private static void readers(PairedSlices slices, URI base) throws Exception {
        String[][] targets = {
            {"on/api/metrics", "application/json", "measured JSON"},
            {"on/api/metrics", "text/plain", "measured Prometheus text"},
            {"metrics", "text/plain", "Payara MicroProfile Metrics"},
        };
        System.out.println();
        for (String[] target : targets) {
            URI uri = base.resolve(target[0]);
            slices.warm(uri, target[1], slices.warmup().dividedBy(2));
            System.out.printf(Locale.ROOT, "GET /%s (%s): %.0f req/s%n", target[0], target[2], slices.rate(uri, target[1], 4));
        }
    }
}
