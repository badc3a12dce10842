package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Records made while a request's span is current carry that span's {@code trace_id} and
 * {@code span_id}, the very ids the runtime exported; records made outside any span carry neither.
 */
interface TraceIdContract extends TelemetryFixture {

    private static String metadata(JsonObject record, String key) {
        return record.getJsonObject("metadata").getString(key, null);
    }

    @Test
    @DisplayName("the dashboard links the trace of a traced failure to measured.trace.url, with its span")
    default void theDashboardLinksTraces() throws Exception {
        String traceId = workload().failingTraceId;
        JsonObject failure = recentRecords().stream().filter(r -> traceId.equals(metadata(r, "trace_id")))
                .filter(r -> r.getString("operation_name").equals(TelemetryWorkload.FAILING_OPERATION)).findFirst()
                .orElseThrow(() -> new AssertionError("no record of " + TelemetryWorkload.FAILING_OPERATION + " in trace " + traceId));
        String expected = TRACE_URL.replace("{trace_id}", traceId).replace("{span_id}", metadata(failure, "span_id"));
        try (Browser browser = Browser.open(1280, 800)) {
            browser.driver.get(http().base().resolve("api/metrics/dashboard").toString());
            By links = By.cssSelector("#errors a.trace");
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> !d.findElements(links).isEmpty());
            List<String> hrefs = browser.driver.findElements(links).stream().map(a -> a.getAttribute("href")).toList();
            assertThat(hrefs).as("trace links of the recent errors").contains(expected)
                    .allSatisfy(href -> assertThat(href).matches("https://traces\\.example\\.com/trace/[0-9a-f]{32}\\?span=[0-9a-f]{16}"));
            assertThat(browser.consoleErrors()).as("console errors and CSP violations").isEmpty();
        }
    }

    @Test
    @DisplayName("the records of a traced request carry the trace id the caller sent and the id of a span the runtime exported")
    default void recordsOfATracedRequestCarryItsIds() throws Exception {
        String traceId = workload().pageTraceId;
        List<JsonObject> traced = recentRecords().stream().filter(r -> traceId.equals(metadata(r, "trace_id"))).toList();
        // the request's own HTTP record too: in the runtime's server span, which is current only
        // after the servlet filter that times the request started (ServerSpanCapture hands it over)
        Set<String> expected = Set.of("NoteRepository.findById", "NoteRenderer.render", "SELECT DEMO_NOTE",
                "GET /notes/{id}/html");
        Set<String> names = traced.stream().map(r -> r.getString("operation_name")).collect(Collectors.toSet());
        // a connection the pool opens for the request is recorded in it too
        assertThat(names).as("operations recorded with trace id %s", traceId).containsAll(expected)
                .allSatisfy(name -> assertThat(name).isIn(union(expected, "getConnection")));
        await().atMost(EXPORTED_WITHIN).untilAsserted(() -> {
            Set<String> exported = receiver().telemetry().spans().stream().filter(span -> span.traceId().equals(traceId))
                    .map(ReceivedSpan::spanId).collect(Collectors.toSet());
            assertThat(traced).allSatisfy(record -> assertThat(metadata(record, "span_id"))
                    .as("span_id of %s among the exported spans of its trace %s", record, exported).isIn(exported));
        });
    }

    private static Set<String> union(Set<String> names, String name) {
        return java.util.stream.Stream.concat(names.stream(), java.util.stream.Stream.of(name)).collect(Collectors.toSet());
    }

    @Test
    @DisplayName("requests without a caller's trace get the runtime's own: each its own trace id, exported as a server span")
    default void recordsOfUntracedRequestsCarryTheRuntimesTrace() throws Exception {
        List<JsonObject> creates = recentRecords().stream()
                .filter(r -> r.getString("operation_name").equals("NoteRepository.create")).toList();
        assertThat(creates).hasSize(2);
        Set<String> traceIds = creates.stream().map(r -> metadata(r, "trace_id")).collect(Collectors.toSet());
        assertThat(traceIds).as("two requests, two traces").hasSize(2)
                .allSatisfy(id -> assertThat(id).matches("[0-9a-f]{32}"));
        assertThat(creates).allSatisfy(r -> assertThat(metadata(r, "span_id")).matches("[0-9a-f]{16}"));
        await().atMost(EXPORTED_WITHIN).untilAsserted(() -> assertThat(receiver().telemetry().spans()
                .stream().filter(ReceivedSpan::isServer).map(ReceivedSpan::traceId).collect(Collectors.toSet()))
                .containsAll(traceIds));
    }

    @Test
    @DisplayName("records made outside any span (the startup timer's ticks) carry neither trace_id nor span_id")
    default void recordsOutsideASpanCarryNoIds() throws Exception {
        List<JsonObject> ticks = recentRecords().stream().filter(r -> r.getString("operation_name").equals("Ticker.tick")).toList();
        assertThat(ticks).isNotEmpty().allSatisfy(r ->
                assertThat(r.getJsonObject("metadata")).doesNotContainKeys("trace_id", "span_id"));
    }
}
