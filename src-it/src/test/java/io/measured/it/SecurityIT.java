package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code measured.endpoint.role} on a real server with the server's own security: the demo's
 * secured variant uses BASIC over WildFly's ApplicationRealm, with one user in the role and one
 * without it.
 */
@DisplayName("WildFly: the metrics endpoint behind measured.endpoint.role and BASIC authentication")
class SecurityIT {

    static final String READER = "reader";
    static final String READER_PASSWORD = "reader-Pass-1";
    static final String WRITER = "writer";
    static final String WRITER_PASSWORD = "writer-Pass-1";

    private static WildFlyServer server() {
        return new WildFlyServer().withWarFrom("demo.secured.war")
                .withUser(READER, READER_PASSWORD, "metrics-reader")
                .withUser(WRITER, WRITER_PASSWORD, "note-writer");
    }

    @Test
    void onlyUsersInTheRoleReadMetrics() throws Exception {
        try (WildFlyServer server = server()) {
            ServerProcess.Deployment deployment = server.start(Map.of("measured.endpoint.role", "metrics-reader"));
            assertThat(deployment.deployed()).as("deployed; log:\n%s", deployment.failure()).isTrue();
            onlyUsersInTheRoleRead(new Http(deployment.baseUri()));
        }
    }

    /**
     * With {@code measured.endpoint.role=metrics-reader} and users {@value #READER} (in the role) and
     * {@value #WRITER} (not): every read needs the role, the application itself stays open. The
     * challenge's scheme is compared ignoring case, as HTTP defines it (Quarkus sends {@code basic}).
     */
    static void onlyUsersInTheRoleRead(Http http) throws Exception {
        assertThat(http.get("api/notes").statusCode()).as("the app itself stays open").isEqualTo(200);
        for (String path : new String[] {"api/metrics", "api/metrics/recent", "api/metrics/slow", "api/metrics/operations"}) {
            HttpResponse<String> anonymous = http.send("GET", path, null, null, null);
            assertThat(anonymous.statusCode()).as("anonymous %s", path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path)
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWithIgnoringCase("basic"));
            assertThat(http.send("GET", path, READER, "wrong", null).statusCode()).as("bad password %s", path)
                    .isEqualTo(401);
            HttpResponse<String> withoutRole = http.send("GET", path, WRITER, WRITER_PASSWORD, null);
            assertThat(withoutRole.statusCode()).as("user without the role %s", path).isEqualTo(403);
            assertThat(Http.object(withoutRole).getString("error")).contains("metrics-reader");
            assertThat(http.send("GET", path, READER, READER_PASSWORD, null).statusCode())
                    .as("user in the role %s", path).isEqualTo(200);
        }
        assertThat(http.send("DELETE", "api/metrics", READER, READER_PASSWORD, null).statusCode())
                .as("mutations stay closed without measured.endpoint.mutations").isEqualTo(403);
    }

    @Test
    @DisplayName("with mutations enabled, changing metrics still needs the role")
    void mutationsNeedTheRoleToo() throws Exception {
        try (WildFlyServer server = server()) {
            ServerProcess.Deployment deployment = server.start(Map.of(
                    "measured.endpoint.role", "metrics-reader", "measured.endpoint.mutations", "true"));
            assertThat(deployment.deployed()).as("deployed; log:\n%s", deployment.failure()).isTrue();
            Http http = new Http(deployment.baseUri());
            http.get("api/notes");
            // A request is recorded once its response is complete, which may be after the client has it.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Http.object(
                    http.send("GET", "api/metrics", READER, READER_PASSWORD, null)).getInt("total_count")).isPositive());

            assertThat(http.send("DELETE", "api/metrics", null, null, null).statusCode()).isEqualTo(401);
            assertThat(http.send("DELETE", "api/metrics", WRITER, WRITER_PASSWORD, null).statusCode()).isEqualTo(403);
            assertThat(http.send("PUT", "api/metrics/sampling/http", WRITER, WRITER_PASSWORD, "{\"rate\":0.5}").statusCode())
                    .isEqualTo(403);
            assertThat(http.send("PUT", "api/metrics/sampling/http", READER, READER_PASSWORD, "{\"rate\":0.5}").statusCode())
                    .isEqualTo(200);
            assertThat(http.send("DELETE", "api/metrics", READER, READER_PASSWORD, null).statusCode()).isEqualTo(204);
            var stats = Http.object(http.send("GET", "api/metrics", READER, READER_PASSWORD, null));
            assertThat(stats.getInt("total_count")).isZero();
            assertThat(stats.getJsonObject("sampling_rates").getJsonNumber("http").doubleValue()).isEqualTo(0.5);
        }
    }
}
