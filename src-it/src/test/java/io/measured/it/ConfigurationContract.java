package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Settings given as server system properties: valid ones take effect, a typo fails the deployment. */
abstract class ConfigurationContract {

    abstract ServerProcess newServer();

    @Test
    @DisplayName("system properties take effect: the buffer bounded at 5, excluded paths and Faces renders untimed")
    void systemPropertyTakesEffect() throws Exception {
        try (ServerProcess server = newServer()) {
            ServerProcess.Deployment deployment = server.start(Map.of("measured.buffer.size", "5",
                    "measured.http.exclude", "/static,/hello", "measured.faces.enabled", "false"));
            assertThat(deployment.deployed()).as("deployed; log:\n%s", deployment.failure()).isTrue();
            Http http = new Http(deployment.baseUri());
            for (int i = 0; i < 4; i++) {
                assertThat(http.get("api/notes").statusCode()).isEqualTo(200);
            }
            JsonObject stats = Http.object(http.get("api/metrics"));
            assertThat(stats.getInt("max_size")).isEqualTo(5);
            assertThat(stats.getInt("total_count")).isEqualTo(5);
            assertThat(Http.array(http.get("api/metrics/recent?limit=5"))).hasSize(5);
            assertThat(http.get("api/metrics/recent?limit=6").statusCode()).isEqualTo(400);

            assertThat(http.get("static/hello.txt").statusCode()).isEqualTo(200);
            assertThat(http.get("hello/there").statusCode()).isEqualTo(200);
            assertThat(http.get("booking.xhtml").statusCode()).isEqualTo(200);
            Operations operations = Operations.of(http);
            assertThat(operations.keys()).doesNotContain("http GET /", "http GET /hello/*", "render /booking.xhtml")
                    .contains("http GET /booking.xhtml", "http GET /notes");
        }
    }

    @Test
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
}
