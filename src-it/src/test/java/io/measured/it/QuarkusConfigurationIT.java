package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Settings of the packaged Quarkus application as its user gives them at {@code java -jar} time,
 * through Quarkus' MicroProfile Config: system properties, environment variables and a working
 * directory's {@code config/application.properties} take effect; a mistake in any of them fails the
 * start with the message a server's deployment fails with. And {@code measured.endpoint.role} under
 * Quarkus security.
 */
@DisplayName("Quarkus 3.33: configuration")
class QuarkusConfigurationIT {

    private static ServerProcess.Deployment started(ServerProcess app, Map<String, String> systemProperties)
            throws Exception {
        ServerProcess.Deployment deployment = app.start(systemProperties);
        assertThat(deployment.deployed()).as("started; log:\n%s", deployment.failure()).isTrue();
        return deployment;
    }

    @Nested
    @DisplayName("valid settings take effect")
    class Valid {

        @Test
        @DisplayName("system properties: the buffer bounded at 5, an excluded path untimed")
        void systemProperties() throws Exception {
            try (QuarkusApp app = new QuarkusApp()) {
                Http http = new Http(started(app, Map.of("measured.buffer.size", "5", "measured.http.exclude", "/api/tags"))
                        .baseUri());
                for (int i = 0; i < 4; i++) {
                    assertThat(http.get("api/notes").statusCode()).isEqualTo(200);
                }
                assertThat(http.get("api/tags/1").statusCode()).isEqualTo(200);
                assertThat(http.get("api/labels/1").statusCode()).isEqualTo(200);
                JsonObject stats = Http.object(http.get("api/metrics"));
                assertThat(stats.getInt("max_size")).isEqualTo(5);
                assertThat(stats.getInt("total_count")).isEqualTo(5);
                assertThat(Operations.of(http).keys()).contains("http GET /labels/{id}", "http GET /notes")
                        .doesNotContain("http GET /tags/{id}");
            }
        }

        @Test
        @DisplayName("an environment variable, in MicroProfile's spelling, over the application's application.properties")
        void environmentVariables() throws Exception {
            try (QuarkusApp app = new QuarkusApp().withEnvironment(Map.of("MEASURED_BUFFER_SIZE", "7",
                    "MEASURED_SLOW_THRESHOLD_MS", "60000"))) {
                Http http = new Http(started(app, Map.of()).baseUri());
                assertThat(http.get("api/tasks?ms=300").statusCode()).isEqualTo(200);
                assertThat(Http.object(http.get("api/metrics")).getInt("max_size")).isEqualTo(7);
                assertThat(Http.array(http.get("api/metrics/slow"))).as("nothing as slow as 60 s").isEmpty();
            }
        }

        @Test
        @DisplayName("measured.endpoint.role under Quarkus security: 401 without a user, 403 without the role")
        void endpointRole() throws Exception {
            // As on the servers (the secured demo's web.xml), the metrics path asks for a login; the
            // application authenticates on demand (quarkus.http.auth.proactive=false).
            Map<String, String> settings = Map.of("measured.endpoint.role", "metrics-reader",
                    "quarkus.http.auth.permission.metrics.paths", "/api/metrics,/api/metrics/*",
                    "quarkus.http.auth.permission.metrics.policy", "authenticated");
            try (QuarkusApp app = new QuarkusApp()) {
                SecurityIT.onlyUsersInTheRoleRead(new Http(started(app, settings).baseUri()));
            }
        }
    }

    @Nested
    @DisplayName("a mistake fails the start, named as on the servers")
    class Mistakes {

        private static void failsNaming(QuarkusApp app, Map<String, String> systemProperties, String... fragments)
                throws Exception {
            try (app) {
                ServerProcess.Deployment deployment = app.start(systemProperties);
                assertThat(deployment.deployed()).as("a start with a mistake must fail; log:\n%s", app.log()).isFalse();
                assertThat(app.log()).contains(fragments).contains("Failed to start");
            }
        }

        @Test
        void typoInASystemProperty() throws Exception {
            failsNaming(new QuarkusApp(), Map.of("measured.sampling.rates", "0.5"),
                    "unknown key 'measured.sampling.rates' with value '0.5'; did you mean 'measured.sampling.rate'?");
        }

        @Test
        void typoInAnEnvironmentVariable() throws Exception {
            failsNaming(new QuarkusApp().withEnvironment(Map.of("MEASURED_SAMPLING_RATES", "0.5")), Map.of(),
                    "(1 problem): unknown key 'MEASURED_SAMPLING_RATES' with value '0.5';"
                            + " did you mean 'MEASURED_SAMPLING_RATE (measured.sampling.rate)'?");
        }

        @Test
        @DisplayName("a typo in the working directory's config/application.properties")
        void typoInApplicationProperties() throws Exception {
            failsNaming(new QuarkusApp().withConfigFile("measured.sampling.rates=0.5\n"), Map.of(),
                    "unknown key 'measured.sampling.rates' with value '0.5'; did you mean 'measured.sampling.rate'?");
        }

        @Test
        void invalidValue() throws Exception {
            failsNaming(new QuarkusApp(), Map.of("measured.buffer.size", "0"),
                    "measured.buffer.size='0' is out of range; valid values are a whole number within 1 .. 1000000");
        }
    }
}
