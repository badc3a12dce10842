package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Settings given as server system properties: valid ones take effect, a typo fails the deployment.
 * The tests of valid settings share one server started with {@link #SETTINGS} on first use; the
 * typo test, which starts a server of its own, runs first, so only one server runs at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ConfigurationContract {

    static final Map<String, String> SETTINGS = Map.of("measured.buffer.size", "5",
            "measured.http.exclude", "/static,/hello", "measured.faces.enabled", "false");

    private static final String STATIC_FILE = "measured demo static file";

    private ServerProcess configured;
    private Http http;

    abstract ServerProcess newServer();

    /**
     * The server started with {@link #SETTINGS}, on first use. One that fails to deploy is stopped
     * at once, so a test that asks again starts another and none is left running.
     */
    public Http http() throws Exception {
        if (http == null) {
            ServerProcess server = newServer();
            try {
                ServerProcess.Deployment deployment = server.start(SETTINGS);
                assertThat(deployment.deployed()).as("deployed; log:\n%s", deployment.failure()).isTrue();
                http = new Http(deployment.baseUri());
                configured = server;
            } finally {
                if (configured != server) {
                    server.close();
                }
            }
        }
        return http;
    }

    @AfterAll
    void stopConfiguredServer() throws Exception {
        if (configured != null) {
            configured.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("the typo measured.sampling.rates fails the deployment, named in the server log")
    void typoFailsDeployment() throws Exception {
        try (ServerProcess server = newServer()) {
            ServerProcess.Deployment deployment = server.start(Map.of("measured.sampling.rates", "0.5"));
            assertThat(deployment.deployed()).as("a deployment with an unknown key must fail").isFalse();
            assertThat(server.log())
                    .contains("unknown key 'measured.sampling.rates'")
                    .contains("did you mean 'measured.sampling.rate'");
        }
    }

    @Test
    @DisplayName("measured.buffer.size=5 bounds the buffer and the recent calls' limit at 5")
    void theBufferIsBoundedAtFive() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(http().get("api/notes").statusCode()).isEqualTo(200);
        }
        JsonObject stats = Http.object(http().get("api/metrics"));
        assertThat(stats.getInt("max_size")).isEqualTo(5);
        assertThat(stats.getInt("total_count")).isEqualTo(5);
        assertThat(Http.array(http().get("api/metrics/recent?limit=5"))).hasSize(5);
        assertThat(http().get("api/metrics/recent?limit=6").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("excluded paths, spelt any way the container serves them, are untimed; Faces renders untimed")
    void excludedPathsAreUntimedHoweverSpelt() throws Exception {
        Operations before = Operations.of(http());
        Map<String, String> excluded = Map.of("static/hello.txt", STATIC_FILE, "static/hello.txt;v=1", STATIC_FILE,
                "%73tatic/hello.txt", STATIC_FILE, "hello/there", "hello", "hello/there/", "hello",
                "hello;jsessionid=1/there", "hello", "%68ello/there", "hello", "%68%65llo/there;v=2", "hello");
        for (Map.Entry<String, String> request : excluded.entrySet()) {
            HttpResponse<String> response = http().getRaw(request.getKey());
            assertThat(response.statusCode()).as("GET /%s", request.getKey()).isEqualTo(200);
            assertThat(response.body()).as("GET /%s", request.getKey()).startsWith(request.getValue());
        }
        // A timed request after them: once its record is there, theirs would be too.
        assertThat(http().get("api/notes").statusCode()).isEqualTo(200);
        assertThat(recordedSince(before)).as("HTTP records of %s and GET /api/notes", excluded.keySet())
                .isEqualTo(Map.of("http GET /notes", 1L));

        assertThat(http().get("booking.xhtml").statusCode()).isEqualTo(200);
        Operations after = Operations.of(http());
        assertThat(after.count("http GET /booking.xhtml") - before.count("http GET /booking.xhtml")).isEqualTo(1);
        assertThat(after.count("render /booking.xhtml")).as("render records with Faces timing off").isZero();
    }

    /**
     * Each path begins with an excluded prefix but leads elsewhere, or is suspicious. The server
     * may refuse it itself (Open Liberty answers 400 for encoded or parameterised dot segments,
     * Payara redirects some with 301, before any filter of the application runs); whatever the
     * application answers is timed once: under the name of what served it (on Payara,
     * {@code hello/..;x=1/...} is served by the {@code /hello/*} servlet, and timed, since such a
     * path is suspicious), or as unmatched for a 404 (JAX-RS resources answer 404 to a URI that
     * reaches them through dot segments).
     */
    @Test
    @DisplayName("a request spelt below an excluded prefix that the application answers is timed, whatever serves it")
    void noSpellingHidesARequestBelowAnExcludedPrefix() throws Exception {
        Map<String, String> servedAs = new LinkedHashMap<>();
        for (String below : List.of("static/..", "static/./..", "static/%2e%2e", "static/%2E%2E", "static/.%2e",
                "static/..;", "static/%2e%2e;", "static//..", "hello/..;x=1", "static%2F..")) {
            servedAs.put(below + "/booking.xhtml", "http GET /booking.xhtml");
            servedAs.put(below + "/index.html", "http GET /");
            servedAs.put(below + "/api/notes", "http GET /notes");
        }
        int answeredByTheApplication = 0;
        for (Map.Entry<String, String> request : servedAs.entrySet()) {
            String path = request.getKey();
            Operations before = Operations.of(http());
            HttpResponse<String> response = http().getRaw(path);
            Map<String, Long> recorded = response.statusCode() == 200 || response.statusCode() == 404
                    ? recordedSince(before) : Map.of();
            if (response.statusCode() == 200) {
                answeredByTheApplication++;
                assertThat(recorded.values()).as("HTTP records of GET /%s, answered 200: %s", path, recorded).containsExactly(1L);
                if (path.startsWith("static/../")) { // plain dot segments: every container resolves them alike
                    assertThat(recorded).as("HTTP records of GET /%s", path).containsKey(request.getValue());
                }
            } else if (response.statusCode() == 404) {
                answeredByTheApplication++;
                assertThat(recorded).as("HTTP records of GET /%s, answered 404", path)
                        .isEqualTo(Map.of("http GET (unmatched)", 1L));
            } else {
                assertThat(response.statusCode()).as("GET /%s refused by the server: %s", path, response.body()).isIn(301, 400);
            }
        }
        assertThat(answeredByTheApplication).as("requests the application answered").isGreaterThan(0);
    }

    /**
     * The HTTP records since {@code before}, once there are any (within 10 s): the filter records a
     * request when its chain returns, which may be just after a small response reached the client.
     */
    private Map<String, Long> recordedSince(Operations before) {
        AtomicReference<Map<String, Long>> recorded = new AtomicReference<>(Map.of());
        await("an HTTP record").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            recorded.set(Operations.of(http()).changedSince(before, "http"));
            return !recorded.get().isEmpty();
        });
        return recorded.get();
    }
}
