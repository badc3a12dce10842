package io.measured.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.measured.MetricsBuffer;
import io.measured.MutableClock;
import io.measured.OperationType;
import io.measured.internal.config.MapConfig;
import io.measured.internal.config.MeasuredSettings;
import io.measured.internal.config.SettingsReader;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The endpoint's answers, rendered to JSON by the real JSON-B implementation. */
class MetricsEndpointTest {

    private final JsonRenderer renderer = new JsonRenderer();
    private final MetricsBuffer buffer = MetricsBuffer.builder().maxSize(50)
            .clock(new MutableClock(Instant.parse("2026-01-01T12:00:00.123Z"))).build();

    @AfterEach
    void close() throws Exception {
        renderer.close();
    }

    private MetricsEndpoint endpoint(Map<String, String> settings) {
        MeasuredSettings read = SettingsReader.read(new MapConfig(settings));
        return new MetricsEndpoint(buffer, read);
    }

    private MetricsEndpoint endpoint() {
        return endpoint(Map.of());
    }

    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> query = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return query;
    }

    private JsonObject object(Reply reply) {
        try (JsonReader reader = Json.createReader(new StringReader(Rendered.text(reply, renderer)))) {
            return reader.readObject();
        }
    }

    private JsonArray array(Reply reply) {
        try (JsonReader reader = Json.createReader(new StringReader(Rendered.text(reply, renderer)))) {
            return reader.readArray();
        }
    }

    @Nested
    @DisplayName("the dashboard and GET /metrics/history")
    class DashboardAndHistory {

        @Test
        void browsersGetTheDashboardAndEveryoneElseJson() throws BadRequestException {
            Reply page = endpoint().stats(query(), "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(Rendered.text(page, renderer)).contains("<script src=\"metrics/dashboard.js\"></script>")
                    .doesNotContain("{{base}}");
            assertThat(endpoint().stats(query(), "*/*").isJson()).isTrue();
            assertThat(endpoint().stats(query(), null).isJson()).isTrue();
            assertThat(endpoint().dashboard(query()).contentType()).startsWith("text/html");
        }

        @Test
        void thePagesOwnPathIsEscapedAndItsScriptIsNotInline() throws BadRequestException {
            MetricsEndpoint odd = new MetricsEndpoint(buffer, SettingsReader.read(new MapConfig(Map.of())),
                    "/a\"><script>alert(1)</script>/metrics");
            String page = Rendered.text(odd.dashboard(query()), renderer);
            assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&quot;&gt;&lt;script&gt;");
            assertThat(page.split("<script", -1)).hasSize(2); // the one script element, with a src
            assertThat(Dashboard.CONTENT_SECURITY_POLICY).contains("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(Dashboard.SCRIPT_TEXT.length() + Dashboard.STYLE_TEXT.length() + page.length())
                    .as("page weight").isLessThan(100_000);
        }

        @Test
        @DisplayName("the page carries measured.trace.url for its trace links, escaped, and nothing where it is not set")
        void thePageCarriesTheTraceUrl() throws BadRequestException {
            String template = "https://traces.example.com/trace/{trace_id}?span={span_id}&view='x'";
            String page = Rendered.text(endpoint(Map.of("measured.trace.url", template)).dashboard(query()), renderer);
            assertThat(page).contains("data-trace-url=\"https://traces.example.com/trace/{trace_id}?span={span_id}&amp;view=&#39;x&#39;\"");
            assertThat(Rendered.text(endpoint().dashboard(query()), renderer)).contains("data-trace-url=\"\"")
                    .doesNotContain("{{trace_url}}");
        }

        @Test
        void historyIsSnakeCaseWithEveryType() throws BadRequestException {
            buffer.record(OperationType.DATABASE, "q", 2.0);
            JsonObject history = object(endpoint(Map.of("measured.endpoint.mutations", "true")).history(query()));
            assertThat(history.keySet()).containsExactlyInAnyOrder("slot_seconds", "started", "mutations_enabled", "since_start",
                    "slots");
            JsonObject database = history.getJsonObject("since_start").getJsonObject("database");
            assertThat(database.keySet()).containsExactlyInAnyOrder("calls", "errors", "calls_per_second",
                    "avg_duration_ms", "p50_duration_ms", "p95_duration_ms", "p99_duration_ms");
            assertThat(database.getInt("calls")).isEqualTo(1);
            assertThat(history.getJsonObject("since_start").keySet()).containsExactly("database", "http", "render", "service");
            assertThat(history.getInt("slot_seconds")).isEqualTo(10);
            assertThat(history.getBoolean("mutations_enabled")).isTrue();
            JsonObject onlyRender = object(endpoint().history(query("type", "render")));
            assertThat(onlyRender.getJsonArray("slots")).allSatisfy(slot ->
                    assertThat(slot.asJsonObject().getJsonObject("by_type").keySet()).containsExactly("render"));
        }

        @Test
        void badHistoryParametersAre400() {
            assertThatThrownBy(() -> endpoint().history(query("type", "sql")))
                    .isInstanceOf(BadRequestException.class).hasMessageContaining("'type'");
            assertThatThrownBy(() -> endpoint().history(query("limit", "5")))
                    .isInstanceOf(BadRequestException.class).hasMessageContaining("limit");
            assertThatThrownBy(() -> endpoint().dashboard(query("x", "1")))
                    .isInstanceOf(BadRequestException.class).hasMessageContaining("x");
        }
    }

    @Nested
    @DisplayName("GET /metrics")
    class Stats {

        @Test
        void matchesTheDesignShape() throws BadRequestException {
            buffer.record(OperationType.DATABASE, "a", 2.0);
            buffer.record(OperationType.DATABASE, "b", 5.0);

            Reply reply = endpoint().stats(query());
            assertThat(reply.status()).isEqualTo(200);
            JsonObject json = object(reply);
            assertThat(json.keySet()).containsExactlyInAnyOrder("total_count", "max_size", "process_id", "sampling_rates", "by_type");
            assertThat(json.getInt("total_count")).isEqualTo(2);
            assertThat(json.getInt("max_size")).isEqualTo(50);
            assertThat(json.getJsonNumber("process_id").longValue()).isEqualTo(ProcessHandle.current().pid());
            assertThat(json.getJsonObject("sampling_rates").keySet()).containsExactlyInAnyOrder("database", "http", "render", "service");
            assertThat(json.getJsonObject("sampling_rates").getJsonNumber("http").doubleValue()).isEqualTo(1.0);
            JsonObject database = json.getJsonObject("by_type").getJsonObject("database");
            assertThat(database.keySet()).containsExactlyInAnyOrder("count", "avg_duration_ms", "min_duration_ms",
                    "max_duration_ms", "p50_duration_ms", "p95_duration_ms", "p99_duration_ms");
            assertThat(database.getJsonNumber("avg_duration_ms").doubleValue()).isEqualTo(3.5);
            assertThat(database.getJsonNumber("p50_duration_ms").doubleValue()).isEqualTo(2.0);
            assertThat(database.getJsonNumber("p95_duration_ms").doubleValue()).isEqualTo(5.0);
            assertThat(json.getJsonObject("by_type").getJsonObject("render").getInt("count")).isZero();
        }

        @Test
        void takesNoParameters() {
            assertThatThrownBy(() -> endpoint().stats(query("limit", "3")))
                    .isInstanceOf(BadRequestException.class).hasMessageContaining("'limit'");
        }
    }

    @Nested
    @DisplayName("GET /metrics/recent")
    class Recent {

        @Test
        void writesMetricsNewestFirstInSnakeCase() throws BadRequestException {
            buffer.record(OperationType.DATABASE, "NoteRepository.findAll", 2.0, Map.of("outcome", "success"));
            buffer.record(OperationType.HTTP, "GET /notes/{id}", 3.0);

            JsonArray json = array(endpoint().recent(query()));
            assertThat(json).hasSize(2);
            JsonObject newest = json.getJsonObject(0);
            assertThat(newest.getString("operation_name")).isEqualTo("GET /notes/{id}");
            JsonObject oldest = json.getJsonObject(1);
            assertThat(oldest.keySet()).containsExactlyInAnyOrder("operation_type", "operation_name", "timestamp",
                    "duration_ms", "process_id", "metadata");
            assertThat(oldest.getString("operation_type")).isEqualTo("database");
            assertThat(oldest.getString("timestamp")).isEqualTo("2026-01-01T12:00:00.123Z");
            assertThat(oldest.getJsonNumber("duration_ms").doubleValue()).isEqualTo(2.0);
            assertThat(oldest.getJsonObject("metadata").getString("outcome")).isEqualTo("success");
        }

        @Test
        void limitsAndFiltersByType() throws BadRequestException {
            for (int i = 0; i < 10; i++) {
                buffer.record(i % 2 == 0 ? OperationType.HTTP : OperationType.RENDER, "op" + i, i);
            }
            assertThat(array(endpoint().recent(query("limit", "3"))))
                    .extracting(v -> v.asJsonObject().getString("operation_name")).containsExactly("op9", "op8", "op7");
            assertThat(array(endpoint().recent(query("type", "HTTP", "limit", "2"))))
                    .extracting(v -> v.asJsonObject().getString("operation_name")).containsExactly("op8", "op6");
            assertThat(array(endpoint().recent(query("limit", "50")))).hasSize(10);
        }

        @Test
        void defaultLimitNeverExceedsASmallBuffer() throws BadRequestException {
            MetricsBuffer small = new MetricsBuffer(5);
            assertThat(new MetricsEndpoint(small, SettingsReader.read(new MapConfig(Map.of()))).recent(query()).status())
                    .isEqualTo(200);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "limit|0|'limit'", "limit|51|'limit'", "limit|-1|'limit'", "limit|abc|'limit'", "limit|1.5|'limit'",
            "limit|99999999999999999999|'limit'", "limit|NaN|'limit'", "limit|Infinity|'limit'",
            "type|sql|'type'", "type|DATABASE2|'type'", "sort|asc|unknown query parameter 'sort'"})
        void refusesBadParametersByName(String name, String value, String message) {
            assertThatThrownBy(() -> endpoint().recent(query(name, value)))
                    .isInstanceOf(BadRequestException.class).hasMessageContaining(message);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " "})
        void refusesEmptyValues(String value) {
            assertThatThrownBy(() -> endpoint().recent(query("limit", value)))
                    .isInstanceOf(BadRequestException.class).hasMessageContaining("'limit' is empty");
        }

        @Test
        void refusesRepeatedParameters() {
            assertThatThrownBy(() -> endpoint().recent(query("limit", "1", "limit", "2")))
                    .isInstanceOf(BadRequestException.class).hasMessageContaining("'limit' is given 2 times");
        }

        @Test
        void echoesAtMostAShortPrefixOfAHugeValue() {
            String huge = "9".repeat(100_000);
            assertThatThrownBy(() -> endpoint().recent(query("limit", huge)))
                    .isInstanceOf(BadRequestException.class)
                    .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
        }
    }

    @Nested
    @DisplayName("GET /metrics/slow")
    class Slow {

        @Test
        void defaultsToTheConfiguredThreshold() throws BadRequestException {
            buffer.record(OperationType.DATABASE, "fast", 5);
            buffer.record(OperationType.DATABASE, "slow", 50);
            assertThat(array(endpoint(Map.of("measured.slow.threshold-ms", "50")).slow(query())))
                    .extracting(v -> v.asJsonObject().getString("operation_name")).containsExactly("slow");
            assertThat(array(endpoint().slow(query("threshold_ms", "5", "type", "database")))).hasSize(2);
            assertThat(array(endpoint().slow(query("threshold_ms", "5", "type", "render")))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "NaN", "Infinity", "-Infinity", "1e999", "ten", "0x10"})
        void refusesBadThresholds(String value) {
            assertThatThrownBy(() -> endpoint().slow(query("threshold_ms", value)))
                    .isInstanceOf(BadRequestException.class).hasMessageContaining("'threshold_ms'");
        }
    }

    @Test
    void operationsListCumulativeStatistics() throws BadRequestException {
        buffer.setSamplingRate(OperationType.DATABASE, 0.0);
        buffer.record(OperationType.DATABASE, "NoteRepository.findAll", 2.0, Map.of("outcome", "error"));
        buffer.record(OperationType.DATABASE, "NoteRepository.findAll", 4.0);

        JsonArray json = array(endpoint().operations(query()));
        assertThat(json).hasSize(1);
        JsonObject op = json.getJsonObject(0);
        assertThat(op.keySet()).containsExactlyInAnyOrder("operation_type", "operation_name", "count", "error_count",
                "avg_duration_ms", "max_duration_ms", "p95_duration_ms");
        assertThat(op.getString("operation_type")).isEqualTo("database");
        assertThat(op.getInt("count")).isEqualTo(2);
        assertThat(op.getInt("error_count")).isEqualTo(1);
        assertThat(op.getJsonNumber("avg_duration_ms").doubleValue()).isEqualTo(3.0);
        assertThat(op.getJsonNumber("max_duration_ms").doubleValue()).isEqualTo(4.0);
        assertThat(array(endpoint().operations(query("type", "http")))).isEmpty();
    }

    @Test
    void namesWithQuotesNewlinesAndUnicodeSurviveJson() throws BadRequestException {
        String name = "say \"hi\"\n\\ ünïcödé \uD83D\uDE00";
        buffer.record(OperationType.RENDER, name, 1);
        assertThat(array(endpoint().recent(query())).getJsonObject(0).getString("operation_name")).isEqualTo(name);
    }

    @Nested
    @DisplayName("mutations")
    class Mutations {

        @Test
        void areRefusedByDefault() throws BadRequestException {
            buffer.record(OperationType.DATABASE, "a", 1);
            Reply clear = endpoint().clear(query());
            Reply rate = endpoint().setSamplingRate("database", "{\"rate\":0.5}", query());
            assertThat(clear.status()).isEqualTo(403);
            assertThat(rate.status()).isEqualTo(403);
            assertThat(object(clear).getString("error")).contains("measured.endpoint.mutations=true");
            assertThat(buffer.getAll()).hasSize(1);
            assertThat(buffer.getSamplingRate(OperationType.DATABASE)).isEqualTo(1.0);
        }

        @Test
        void clearAndSetRateWhenEnabled() throws BadRequestException {
            MetricsEndpoint endpoint = endpoint(Map.of("measured.endpoint.mutations", "true"));
            buffer.record(OperationType.DATABASE, "a", 1);
            assertThat(endpoint.clear(query()).status()).isEqualTo(204);
            assertThat(buffer.getAll()).isEmpty();

            Reply reply = endpoint.setSamplingRate("render", "{\"rate\": 0.25}", query());
            assertThat(reply.status()).isEqualTo(200);
            assertThat(object(reply).getJsonObject("sampling_rates").getJsonNumber("render").doubleValue()).isEqualTo(0.25);
            assertThat(buffer.getSamplingRate(OperationType.RENDER)).isEqualTo(0.25);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "not json", "[0.5]", "{}", "{\"rate\":\"0.5\"}", "{\"rate\":1.5}",
            "{\"rate\":-0.1}", "{\"rate\":0.5,\"extra\":1}", "{\"rates\":0.5}", "{\"rate\":null}", "{\"rate\":1e999}", "0.5",
            "{\"rate\":1e99999999999}", "{\"rate\":1e-99999999999}", "{\"rate\":0.5e2147483648}", "{\"rate\":01}",
            "{\"rate\":0.5} trailing", "{\"rate\":0.5}{\"rate\":0.5}", "{\"rate\":0.5,\"rate\":0.6}"})
        void refuseBadBodies(String body) {
            MetricsEndpoint endpoint = endpoint(Map.of("measured.endpoint.mutations", "true"));
            assertThatThrownBy(() -> endpoint.setSamplingRate("database", body, query()))
                    .isInstanceOf(BadRequestException.class).hasMessageContaining("rate");
            assertThat(buffer.getSamplingRate(OperationType.DATABASE)).isEqualTo(1.0);
        }

        @Test
        void refuseAnUnknownType() {
            MetricsEndpoint endpoint = endpoint(Map.of("measured.endpoint.mutations", "true"));
            assertThatThrownBy(() -> endpoint.setSamplingRate("sql", "{\"rate\":0.5}", query()))
                    .isInstanceOf(BadRequestException.class).hasMessageContaining("'type'").hasMessageContaining("sql");
        }
    }

    @Test
    void everyJsonTypeNameIsLowerCase() {
        assertThat(Arrays.stream(OperationType.values()).map(OperationType::key)).containsExactly("database", "http", "render", "service");
    }
}
