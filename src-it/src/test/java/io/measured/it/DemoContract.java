package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.measured.demo.DemoBytes;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a user sees on a real server with the demo deployed and default settings. Each server
 * family runs the same contract (the EE servers through {@link EeServerContract}, Quarkus through
 * {@code QuarkusIT}); tests share one server, so they compare counts before and after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoContract implements JaxRsTimingContract {

    private ServerProcess server;
    private Http http;

    abstract ServerProcess newServer();

    /** Waits for the work the demo does by itself after it starts (timers), so it lands among no test's metrics. */
    abstract void awaitStartupWork(Http http);

    @BeforeAll
    void startServer() throws Exception {
        server = newServer();
        ServerProcess.Deployment deployment = server.start(Map.of());
        assertThat(deployment.deployed()).as("%s deployed the demo; log:\n%s", server.name(), deployment.failure()).isTrue();
        http = new Http(deployment.baseUri());
        awaitStartupWork(http);
    }

    @Override
    public Http http() {
        return http;
    }

    /** The server's console log so far (for {@link SqlContract}). */
    public String serverLog() {
        return server.log();
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private JsonObject stats() throws Exception {
        HttpResponse<String> response = http.get("api/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return Http.object(response);
    }

    private Map<String, Long> operationCounts() throws Exception {
        Map<String, Long> counts = new HashMap<>();
        for (JsonValue value : Http.array(http.get("api/metrics/operations"))) {
            JsonObject op = value.asJsonObject();
            counts.put(op.getString("operation_type") + " " + op.getString("operation_name"), op.getJsonNumber("count").longValue());
        }
        return counts;
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String key) {
        return after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
    }

    private JsonObject createNote(String title) throws Exception {
        HttpResponse<String> created = http.post("api/notes", "{\"title\":\"" + title + "\",\"body\":\"text of " + title + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.object(created);
    }

    @Test
    @DisplayName("calls show up per type in /metrics and per operation in /operations, under templated names")
    void callsAreCountedUnderTheirNames() throws Exception {
        JsonObject statsBefore = stats();
        Map<String, Long> before = operationCounts();

        long id = createNote("first").getJsonNumber("id").longValue();
        createNote("second");
        assertThat(http.get("api/notes").statusCode()).isEqualTo(200);
        assertThat(http.get("api/notes/" + id).statusCode()).isEqualTo(200);
        HttpResponse<String> page = http.get("api/notes/" + id + "/html");
        assertThat(page.body()).contains("<h1>first</h1>");

        Map<String, Long> after = operationCounts();
        assertThat(delta(before, after, "database NoteRepository.create")).isEqualTo(2);
        assertThat(delta(before, after, "database NoteRepository.findAll")).isEqualTo(1);
        assertThat(delta(before, after, "database NoteRepository.findById")).isEqualTo(2);
        assertThat(delta(before, after, "render NoteRenderer.render")).isEqualTo(1);
        assertThat(delta(before, after, "http POST /notes")).isEqualTo(2);
        assertThat(delta(before, after, "http GET /notes")).isEqualTo(1);
        assertThat(delta(before, after, "http GET /notes/{id}")).isEqualTo(1);
        assertThat(delta(before, after, "http GET /notes/{id}/html")).isEqualTo(1);
        assertThat(after.keySet()).noneMatch(name -> name.contains("/notes/" + id)).noneMatch(name -> name.contains("/metrics"));

        JsonObject statsAfter = stats();
        // the repository's 5 calls, and where the server records the demo's SQL, the 7 statements
        // they ran (2 x next id and INSERT, 1 + 2 SELECTs) and any physical connection the pool
        // opened meanwhile
        long statements = 0;
        if (recordsTheDemosSql()) {
            assertThat(delta(before, after, "database SELECT DEMO_NOTE")).isEqualTo(5);
            assertThat(delta(before, after, "database INSERT DEMO_NOTE")).isEqualTo(2);
            statements = 7 + delta(before, after, "database getConnection");
        }
        assertThat(typeCount(statsAfter, "database") - typeCount(statsBefore, "database")).isEqualTo(5 + statements);
        assertThat(typeCount(statsAfter, "render") - typeCount(statsBefore, "render")).isEqualTo(1);
        assertThat(typeCount(statsAfter, "http") - typeCount(statsBefore, "http")).isEqualTo(5);
        assertThat(statsAfter.getInt("max_size")).isEqualTo(1000);
        assertThat(statsAfter.getJsonObject("sampling_rates").keySet())
                .containsExactlyInAnyOrder("database", "http", "render", "service");
        assertThat(statsAfter.getJsonObject("by_type").keySet()).containsExactlyInAnyOrder("database", "http", "render", "service");
        assertThat(statsAfter.getJsonObject("by_type").getJsonObject("database").keySet())
                .contains("count", "avg_duration_ms", "p50_duration_ms", "p95_duration_ms", "p99_duration_ms");
    }

    /** Whether the demo's SQL goes through the library's JDBC wrappers on this runtime, so its statements count too. */
    boolean recordsTheDemosSql() {
        return this instanceof SqlContract;
    }

    private static long typeCount(JsonObject stats, String type) {
        return stats.getJsonObject("by_type").getJsonObject(type).getJsonNumber("count").longValue();
    }

    /**
     * The records a query of recent ones answers, once the newest is named {@code operationName}:
     * a request is recorded when its response completes, which may be just after the client has
     * it; the records its bean calls made come before it, so an older record of that name is never
     * the newest here.
     */
    private JsonArray recentOnceNewestIs(String query, String operationName) {
        return await("the record of " + operationName).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> Http.array(http.get(query)), recent -> !recent.isEmpty()
                        && recent.getJsonObject(0).getString("operation_name").equals(operationName));
    }

    @Test
    void recentListsNewestFirstWithMetadata() throws Exception {
        long id = createNote("recent").getJsonNumber("id").longValue();
        http.get("api/notes/" + id);

        JsonArray recent = recentOnceNewestIs("api/metrics/recent?limit=4", "GET /notes/{id}");
        assertThat(recent).hasSize(4);
        JsonObject newest = recent.getJsonObject(0);
        assertThat(newest.getString("operation_type")).isEqualTo("http");
        assertThat(newest.getString("operation_name")).isEqualTo("GET /notes/{id}");
        assertThat(newest.getJsonObject("metadata").getString("method")).isEqualTo("GET");
        assertThat(newest.getJsonObject("metadata").getString("status")).isEqualTo("200");
        assertThat(newest.getString("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonObject query = recent.getJsonObject(1);
        assertThat(query.getString("operation_name")).isEqualTo("NoteRepository.findById");
        assertThat(query.getJsonObject("metadata").getString("outcome")).isEqualTo("success");

        JsonArray onlyRender = Http.array(http.get("api/metrics/recent?type=render"));
        assertThat(onlyRender).allSatisfy(v -> assertThat(v.asJsonObject().getString("operation_type")).isEqualTo("render"));
    }

    @Test
    void slowUsesTheThresholdGiven() throws Exception {
        createNote("slow");
        JsonArray everything = Http.array(http.get("api/metrics/slow?threshold_ms=0"));
        assertThat(everything).isNotEmpty();
        JsonArray databaseOnly = Http.array(http.get("api/metrics/slow?threshold_ms=0&type=database"));
        assertThat(databaseOnly).isNotEmpty()
                .allSatisfy(v -> assertThat(v.asJsonObject().getString("operation_type")).isEqualTo("database"));
        JsonArray veryslow = Http.array(http.get("api/metrics/slow?threshold_ms=3600000"));
        assertThat(veryslow).isEmpty();
    }

    @Test
    @DisplayName("a failing call is recorded as an error and the client gets the app's own error unchanged")
    void failuresAreRecordedAndPassedThrough() throws Exception {
        HttpResponse<String> failed = http.get("api/notes/archive");
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(Http.object(failed).getString("app_error")).isEqualTo("the note archive is unavailable");

        JsonArray recent = recentOnceNewestIs("api/metrics/recent?limit=2", "GET /notes/archive");
        JsonObject httpMetric = recent.getJsonObject(0);
        assertThat(httpMetric.getString("operation_name")).isEqualTo("GET /notes/archive");
        assertThat(httpMetric.getJsonObject("metadata").getString("status")).isEqualTo("503");
        JsonObject query = recent.getJsonObject(1);
        assertThat(query.getString("operation_name")).isEqualTo("NoteRepository.findArchived");
        assertThat(query.getJsonObject("metadata").getString("outcome")).isEqualTo("error");
        assertThat(query.getJsonObject("metadata").getString("exception")).isEqualTo("io.measured.demo.NoteStoreException");

        JsonObject archived = Http.array(http.get("api/metrics/operations?type=database")).stream()
                .map(JsonValue::asJsonObject)
                .filter(op -> op.getString("operation_name").equals("NoteRepository.findArchived"))
                .findFirst().orElseThrow();
        assertThat(archived.getJsonNumber("error_count").longValue()).isEqualTo(archived.getJsonNumber("count").longValue());
    }

    @Test
    void missingNotesKeepTheAppsNotFoundAndATemplatedName() throws Exception {
        assertThat(http.get("api/notes/987654").statusCode()).isEqualTo(404);
        JsonObject newest = recentOnceNewestIs("api/metrics/recent?limit=1", "GET /notes/{id}").getJsonObject(0);
        assertThat(newest.getJsonObject("metadata").getString("status")).isEqualTo("404");
    }

    @Test
    @DisplayName("a streamed download of 32 MB arrives byte for byte")
    void streamingIsByteExact() throws Exception {
        int megabytes = 32;
        Operations before = Operations.of(http);
        HttpResponse<InputStream> response = http.stream("api/download?mb=" + megabytes);
        assertThat(response.statusCode()).isEqualTo(200);
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long length = 0;
        try (InputStream body = response.body()) {
            byte[] chunk = new byte[64 * 1024];
            for (int n; (n = body.read(chunk)) > 0; ) {
                received.update(chunk, 0, n);
                length += n;
            }
        }
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        DemoBytes bytes = new DemoBytes();
        byte[] chunk = new byte[64 * 1024];
        for (long remaining = megabytes * 1024L * 1024L; remaining > 0; remaining -= chunk.length) {
            bytes.fill(chunk, chunk.length);
            expected.update(chunk);
        }
        assertThat(length).isEqualTo(megabytes * 1024L * 1024L);
        assertThat(received.digest()).isEqualTo(expected.digest());

        // an earlier download (the launcher's) may be the newest HTTP record: the count tells this one
        Operations.awaitCalls(http, before, "http GET /download", 1);
    }

    @Test
    void staticFilesAreServedUnchanged() throws Exception {
        HttpResponse<byte[]> file = http.bytes("static/hello.txt");
        assertThat(file.statusCode()).isEqualTo(200);
        byte[] original = Files.readAllBytes(Path.of(System.getProperty("demo.webapp"), "static", "hello.txt"));
        assertThat(file.body()).isEqualTo(original);
    }

    @Test
    @DisplayName("bad query parameters get 400 with a JSON error naming the parameter")
    void badParametersGet400() throws Exception {
        Map<String, String> cases = Map.of(
                "api/metrics/recent?limit=abc", "limit",
                "api/metrics/recent?limit=0", "limit",
                "api/metrics/recent?limit=1000001", "limit",
                "api/metrics/recent?type=sql", "type",
                "api/metrics/slow?threshold_ms=-1", "threshold_ms",
                "api/metrics/slow?threshold_ms=NaN", "threshold_ms",
                "api/metrics/recent?limit=1&limit=2", "limit",
                "api/metrics/recent?colour=red", "colour",
                "api/metrics?limit=5", "limit");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            HttpResponse<String> response = http.get(bad.getKey());
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(bad.getKey())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(Http.object(response).getString("error")).as(bad.getKey()).contains("'" + bad.getValue() + "'");
        }
    }

    @Test
    @DisplayName("Accept picks JSON, Prometheus text or OpenMetrics; an unsupported type gets 406")
    void contentNegotiation() throws Exception {
        createNote("negotiated");
        HttpResponse<String> text = http.get("api/metrics", "text/plain");
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        assertThat(text.body()).contains("measured_operation_duration_seconds_bucket{type=\"database\",operation=\"NoteRepository.create\",le=\"+Inf\"}")
                .doesNotContain("# EOF");

        HttpResponse<String> open = http.get("api/metrics", "application/openmetrics-text; version=1.0.0");
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/openmetrics-text"));
        assertThat(open.body()).endsWith("# EOF\n");

        assertThat(Http.object(http.get("api/metrics", "text/plain;q=0.5, application/json")).getInt("max_size")).isEqualTo(1000);
        HttpResponse<String> notJson = http.get("api/metrics", "application/json;q=0, */*");
        assertThat(notJson.statusCode()).isEqualTo(200);
        assertThat(notJson.headers().firstValue("Content-Type")).as("JSON refused by q=0 despite */*")
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));

        HttpResponse<String> refused = http.get("api/metrics", "image/png");
        assertThat(refused.statusCode()).isEqualTo(406);
        assertThat(Http.object(refused).getString("error")).contains("text/plain");
    }

    @Test
    @DisplayName("promtool check metrics finds no error and no warning in the exposition, odd names included")
    void promtoolAcceptsTheExposition() throws Exception {
        createNote("checked");
        assertThat(http.get("api/notes/archive").statusCode()).isEqualTo(503);
        assertThat(http.get("api/tasks/odd").statusCode()).isEqualTo(200);
        String exposition = http.get("api/metrics", "text/plain").body();
        assertThat(exposition).contains("operation=\"odd \\\"name\\\" \\\\ with\\nnewline and ünïcödé\"");
        PrometheusTools.Result result = PrometheusTools.checkMetrics(exposition);
        assertThat(result.output()).as("promtool output").isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    @DisplayName("bodies are gzip-compressed once when Accept-Encoding allows it, read by curl --compressed and promtool; 406 when no coding is acceptable")
    void scrapesAreCompressedOnce() throws Exception {
        createNote("compressed");
        HttpResponse<byte[]> gzip = http.bytes("api/metrics", "Accept", "text/plain", "Accept-Encoding", "gzip");
        assertThat(gzip.statusCode()).isEqualTo(200);
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
        String text = gunzip(gzip.body());
        assertThat(text).as("decompressed once, the exposition itself").startsWith("# HELP measured_operation_duration_seconds ")
                .contains("measured_operation_duration_seconds_count{type=\"database\",operation=\"NoteRepository.create\"}");
        PrometheusTools.Result checked = PrometheusTools.checkMetrics(text);
        assertThat(checked.output()).as("promtool output").isEmpty();
        assertThat(checked.exitCode()).isZero();

        HttpResponse<byte[]> plain = http.bytes("api/metrics", "Accept", "text/plain");
        assertThat(plain.headers().firstValue("Content-Encoding")).as("no Accept-Encoding, no coding").isEmpty();
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).startsWith("# HELP measured_operation_duration_seconds ");

        HttpResponse<byte[]> operations = http.bytes("api/metrics/operations", "Accept-Encoding", "br;q=1, gzip;q=0.8");
        assertThat(operations.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (JsonReader reader = Json.createReader(new StringReader(gunzip(operations.body())))) {
            assertThat(reader.readArray()).isNotEmpty();
        }

        HttpResponse<String> refused = http.get("api/metrics/operations", "application/json", "identity;q=0, br");
        assertThat(refused.statusCode()).isEqualTo(406);
        assertThat(Http.object(refused).getString("error")).contains("Accept-Encoding").contains("gzip");

        Process curl = new ProcessBuilder("curl", "--compressed", "-sS", "-i", "-H", "Accept: application/openmetrics-text",
                http.base().resolve("api/metrics").toString()).redirectErrorStream(true).start();
        String curled = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor()).as("curl's exit code; it said:\n%s", curled).isZero();
        assertThat(curled.toLowerCase(java.util.Locale.ROOT)).contains("content-encoding: gzip");
        assertThat(curled).endsWith("# EOF\n");
    }

    private static String gunzip(byte[] compressed) throws java.io.IOException {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("query strings, request bodies and header values are never recorded")
    void nothingFromTheRequestIsRecorded() throws Exception {
        String secret = "s3cr3t-" + System.nanoTime();
        assertThat(http.get("api/notes?token=" + secret).statusCode()).isEqualTo(200);
        assertThat(http.send("POST", "api/notes", secret, secret, "{\"title\":\"" + secret + "\",\"body\":\"" + secret + "\"}")
                .statusCode()).isEqualTo(201);
        String recent = http.get("api/metrics/recent?limit=20").body();
        String operations = http.get("api/metrics/operations").body();
        String text = http.get("api/metrics", "text/plain").body();
        assertThat(recent).contains("GET /notes").doesNotContain(secret);
        assertThat(operations).doesNotContain(secret);
        assertThat(text).doesNotContain(secret);
    }

    @Test
    void mutationsAreClosedByDefault() throws Exception {
        createNote("kept");
        int before = stats().getInt("total_count");
        HttpResponse<String> clear = http.delete("api/metrics");
        HttpResponse<String> rate = http.put("api/metrics/sampling/database", "{\"rate\":0.5}");
        for (HttpResponse<String> refused : List.of(clear, rate)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(Http.object(refused).getString("error")).contains("measured.endpoint.mutations");
        }
        JsonObject after = stats();
        assertThat(after.getInt("total_count")).isGreaterThanOrEqualTo(before);
        assertThat(after.getJsonObject("sampling_rates").getJsonNumber("database").doubleValue()).isEqualTo(1.0);
    }
}
