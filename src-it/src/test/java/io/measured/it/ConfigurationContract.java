package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
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

    private ServerProcess configured;
    private Http http;

    abstract ServerProcess newServer();

    /** The server started with {@link #SETTINGS}. */
    public Http http() throws Exception {
        if (http == null) {
            configured = newServer();
            ServerProcess.Deployment deployment = configured.start(SETTINGS);
            assertThat(deployment.deployed()).as("deployed; log:\n%s", deployment.failure()).isTrue();
            http = new Http(deployment.baseUri());
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
        List<String> excluded = List.of("static/hello.txt", "hello/there", "hello;jsessionid=1/there",
                "%68ello/there", "%68%65llo/there;v=2", "static;v=1/hello.txt", "%73tatic/hello.txt");
        for (String path : excluded) {
            HttpResponse<String> response = http().getRaw(path);
            assertThat(response.statusCode()).as("GET /%s", path).isEqualTo(200);
            assertThat(response.body()).as("GET /%s", path).startsWith(path.contains("hello.txt") ? "measured demo static file" : "hello");
        }
        assertThat(Operations.of(http()).changedSince(before, "http")).as("HTTP records of %s", excluded).isEmpty();

        assertThat(http().get("booking.xhtml").statusCode()).isEqualTo(200);
        Operations after = Operations.of(http());
        assertThat(after.count("http GET /booking.xhtml") - before.count("http GET /booking.xhtml")).isEqualTo(1);
        assertThat(after.count("render /booking.xhtml")).as("render records with Faces timing off").isZero();
    }

    @Test
    @DisplayName("a request for /api/notes spelt below an excluded prefix is timed, or refused by the server")
    void noSpellingHidesARequestBelowAnExcludedPrefix() throws Exception {
        for (String path : List.of("static/../api/notes", "static/./../api/notes", "static/%2e%2e/api/notes",
                "static/%2E%2E/api/notes", "static/.%2e/api/notes", "static/..;/api/notes", "hello/..;x=1/api/notes",
                "static/%2e%2e;/api/notes", "static//../api/notes")) {
            Operations before = Operations.of(http());
            HttpResponse<String> response = http().getRaw(path);
            Operations after = Operations.of(http());
            if (response.statusCode() == 200) {
                assertThat(response.body()).as("GET /%s", path).startsWith("[");
                assertThat(after.changedSince(before, "http")).as("HTTP records of GET /%s, served as /api/notes", path)
                        .isEqualTo(Map.of("http GET /notes", 1L));
            } else {
                assertThat(response.statusCode()).as("GET /%s: %s", path, response.body()).isIn(400, 404);
                assertThat(after.count("http GET /notes")).as("GET /%s", path).isEqualTo(before.count("http GET /notes"));
            }
        }
    }
}
