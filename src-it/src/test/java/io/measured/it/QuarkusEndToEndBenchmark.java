package io.measured.it;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * End-to-end cost on Quarkus, bounded and on loopback only. Four packaged builds of the demo run
 * side by side, each started as a user starts it: "on" (the library as configured by default),
 * "off" (the same build with {@code -Dmeasured.enabled=false}) and "without" (the same application
 * built without the library), and a fourth, "floor": without the library but with a pre-matching
 * filter that does nothing ({@code PreMatchingFloor}), the least that timing a request from before
 * matching costs under Quarkus REST. {@link PairedSlices} compares on with without (what adding the
 * library costs) for each endpoint, on with off and floor with without for the first; the median
 * of the pairs is the result. Run with {@code mvn -B -Pe2e-bench-quarkus verify}.
 */
public final class QuarkusEndToEndBenchmark {

    /** The same in-memory database the library's build reaches through {@code jdbc:measured:}. */
    private static final String PLAIN_H2_URL = "jdbc:h2:mem:measured-demo;DB_CLOSE_DELAY=-1";
    /** A JAX-RS endpoint calling one {@code @Measured} bean; a page with two {@code @Measured} calls and a query. */
    private static final List<String> ENDPOINTS = List.of("api/jobs/summary", "api/notes/1/html");

    private QuarkusEndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PairedSlices slices = PairedSlices.configured();
        try (QuarkusApp on = new QuarkusApp(); QuarkusApp off = new QuarkusApp();
                QuarkusApp without = QuarkusApp.withoutMeasured(); QuarkusApp floor = QuarkusApp.preMatchingFloor()) {
            URI onBase = started(on, Map.of());
            URI offBase = started(off, Map.of("measured.enabled", "false"));
            URI withoutBase = started(without, Map.of("quarkus.datasource.jdbc.url", PLAIN_H2_URL));
            URI floorBase = started(floor, Map.of("quarkus.datasource.jdbc.url", PLAIN_H2_URL));
            List<URI> bases = List.of(withoutBase, offBase, onBase, floorBase);
            for (URI base : bases) {
                new Http(base).post("api/notes", "{\"title\":\"bench\",\"body\":\"a note to render\"}");
            }
            Duration warmupSlice = slices.warmup().dividedBy(2L * bases.size() * ENDPOINTS.size());
            for (int i = 0; i < 2; i++) {
                for (String endpoint : ENDPOINTS) {
                    for (URI base : bases) {
                        slices.warm(base.resolve(endpoint), "*/*", warmupSlice);
                    }
                }
            }
            for (String endpoint : ENDPOINTS) {
                slices.medianLoss(endpoint, "without", withoutBase.resolve(endpoint), "on", onBase.resolve(endpoint));
            }
            slices.medianLoss(ENDPOINTS.get(0), "off", offBase.resolve(ENDPOINTS.get(0)), "on", onBase.resolve(ENDPOINTS.get(0)));
            slices.medianLoss(ENDPOINTS.get(0), "without", withoutBase.resolve(ENDPOINTS.get(0)), "floor",
                    floorBase.resolve(ENDPOINTS.get(0)));
            checkOnlyOnRecorded(new Http(onBase), new Http(offBase), new Http(withoutBase), new Http(floorBase));
        }
    }

    private static URI started(QuarkusApp app, Map<String, String> systemProperties) throws Exception {
        ServerProcess.Deployment deployment = app.start(systemProperties);
        if (!deployment.deployed()) {
            throw new IllegalStateException(app.name() + " did not start:\n" + deployment.failure());
        }
        return deployment.baseUri();
    }

    /** The comparisons are only meaningful if on records, off does not, and without and floor have no library at all. */
    private static void checkOnlyOnRecorded(Http on, Http off, Http without, Http floor) throws Exception {
        int onCount = Http.object(on.get("api/metrics")).getInt("total_count");
        int offCount = Http.object(off.get("api/metrics")).getInt("total_count");
        int withoutStatus = without.get("api/metrics").statusCode();
        int floorStatus = floor.get("api/metrics").statusCode();
        if (onCount == 0 || offCount != 0 || withoutStatus != 404 || floorStatus != 404) {
            throw new IllegalStateException("expected on to record, off not to, and without and floor to have no /api/metrics;"
                    + " buffered: on " + onCount + ", off " + offCount + "; GET /api/metrics: without's " + withoutStatus
                    + ", floor's " + floorStatus);
        }
    }
}
