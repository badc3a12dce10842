package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The demo as a Quarkus application with the library as a plain dependency: the same contract the
 * EE servers meet where it applies (JAX-RS, SQL through Agroal and {@code jdbc:measured:}, the
 * endpoints, the dashboard in a browser), and what differs on Quarkus: scheduled jobs instead of EJB
 * timers, JAX-RS requests timed by the JAX-RS layer, other routes not timed.
 */
@DisplayName("Quarkus 3.33 (JVM mode, CDI Lite)")
class QuarkusIT extends DemoContract implements DashboardContract {

    @Override
    ServerProcess newServer() {
        return new QuarkusApp();
    }

    @Override
    public String serverKey() {
        return "quarkus";
    }

    /** The scheduled job pauses itself after its third tick. */
    @Override
    void awaitStartupWork(Http http) {
        await("the scheduled job's 3 ticks").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> Operations.of(http).count("service Ticker.tick") >= 3);
    }

    /** The demo's data source is Agroal's pool on a {@code jdbc:measured:} URL. */
    @Override
    boolean recordsTheDemosSql() {
        return true;
    }

    /**
     * The newest record of an operation, awaited: a request is recorded as Quarkus ends its
     * context and a stage's call when the stage completes, either of which can be just after the
     * client has its answer.
     */
    private JsonObject newest(String operation) {
        return await("a recent metric named " + operation).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> newestNow(operation), found -> found != null);
    }

    private JsonObject newestNow(String operation) throws Exception {
        for (JsonValue value : Http.array(http().get("api/metrics/recent?limit=100"))) {
            if (value.asJsonObject().getString("operation_name").equals(operation)) {
                return value.asJsonObject();
            }
        }
        return null;
    }

    @Test
    @DisplayName("a @Scheduled method of a bound bean is timed as Class.method, each run once")
    void scheduledJobsAreTimed() throws Exception {
        awaitStartupWork(http());
        assertThat(Operations.of(http()).count("service Ticker.tick")).isEqualTo(3);
    }

    @Test
    @DisplayName("class-level binding (SERVICE by default), method-level binding that wins, a stereotype, lifecycle callbacks")
    void bindingRules() throws Exception {
        Operations before = Operations.of(http());
        assertThat(http().send("POST", "api/jobs/nightly", null, null, null).body()).isEqualTo("ran nightly");
        assertThat(http().get("api/jobs/summary").body()).isEqualTo("summary");
        assertThat(http().get("api/jobs/report").body()).isEqualTo("monthly report");
        Operations after = Operations.of(http());
        for (String operation : List.of("service Jobs.run", "render job summary", "render Reports.monthly",
                "service RequestLog.add", "service RequestLog.@PreDestroy")) {
            assertThat(after.count(operation) - before.count(operation)).as(operation).isEqualTo(1);
        }
        assertThat(after.count("service Jobs.@PostConstruct")).as("the application-scoped bean made once").isEqualTo(1);
    }

    @Test
    @DisplayName("a throwing method is an error with its exception, and the request that ended in it a 500 error")
    void failuresAreErrors() throws Exception {
        Operations before = Operations.of(http());
        assertThat(http().send("POST", "api/jobs/failing", null, null, null).statusCode()).isEqualTo(500);
        // the request is recorded as Quarkus ends its context, just after the answer went out
        await("the failed request's record").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> Operations.of(http()).errors("http POST /jobs/failing") - before.errors("http POST /jobs/failing") >= 1);
        Operations after = Operations.of(http());
        assertThat(after.errors("service Jobs.fail") - before.errors("service Jobs.fail")).isEqualTo(1);
        assertThat(after.errors("http POST /jobs/failing") - before.errors("http POST /jobs/failing")).isEqualTo(1);
        assertThat(newest("Jobs.fail").getJsonObject("metadata").getString("exception"))
                .isEqualTo("io.measured.quarkus.JobFailedException");
    }

    @Test
    @DisplayName("a CompletionStage is timed until it completes; a Mutiny Uni until it is returned, its request until it is answered")
    void asynchronousResults() throws Exception {
        assertThat(http().get("api/jobs/later?ms=300").body()).isEqualTo("done after 300 ms");
        assertThat(newest("Jobs.later").getJsonNumber("duration_ms").doubleValue()).isGreaterThanOrEqualTo(300);

        assertThat(http().get("api/jobs/lazily?ms=300").body()).isEqualTo("done after 300 ms");
        assertThat(newest("Jobs.lazily").getJsonNumber("duration_ms").doubleValue())
                .as("the Uni's making, not its item").isLessThan(300);
        assertThat(newest("GET /jobs/lazily").getJsonNumber("duration_ms").doubleValue()).isGreaterThanOrEqualTo(300);
    }

    @Test
    @DisplayName("routes outside JAX-RS (static files, 404s) are served as before and not timed")
    void otherRoutesAreNotTimed() throws Exception {
        Operations before = Operations.of(http());
        assertThat(http().get("static/hello.txt").statusCode()).isEqualTo(200);
        assertThat(http().get("no-such-file.txt").statusCode()).isEqualTo(404);
        assertThat(http().get("api/no-such-resource").statusCode()).isEqualTo(404);
        assertThat(Operations.of(http()).changedSince(before, "http")).isEmpty();
    }

    @Test
    @DisplayName("settings in the application's application.properties apply: its slow threshold of 250 ms")
    void applicationPropertiesApply() throws Exception {
        assertThat(http().get("api/tasks?ms=300").statusCode()).isEqualTo(200);
        List<JsonObject> slow = Http.array(http().get("api/metrics/slow")).getValuesAs(JsonValue::asJsonObject);
        assertThat(slow).as("at or above the threshold, which the 300 ms call is not at the default of 1000 ms")
                .anySatisfy(metric -> assertThat(metric.getString("operation_name")).isEqualTo("Worker.pause"))
                .allSatisfy(metric -> assertThat(metric.getJsonNumber("duration_ms").doubleValue()).isGreaterThanOrEqualTo(250));
    }

    @Test
    @DisplayName("SQL on Agroal's pool: named by verb and table, literals as ?, no value in an endpoint or the log")
    void sqlThroughAgroal() throws Exception {
        String secret = "v" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        assertThat(http().post("api/notes", "{\"title\":\"" + secret + "\",\"body\":\"" + secret + "\"}").statusCode())
                .isEqualTo(201);
        assertThat(newest("INSERT DEMO_NOTE").getJsonObject("metadata").getString("sql"))
                .isEqualTo("INSERT INTO DEMO_NOTE (ID, TITLE, BODY) VALUES (?, ?, ?)");
        assertThat(newest("SELECT DEMO_NOTE").getJsonObject("metadata").getString("sql"))
                .as("the literals 0 and 1 of the next id's query").isEqualTo("SELECT COALESCE(MAX(ID), ?) + ? FROM DEMO_NOTE");
        for (String read : new String[] {"api/metrics/recent?limit=1000", "api/metrics/operations", "api/metrics/slow?threshold_ms=0"}) {
            assertThat(http().get(read).body()).as(read).doesNotContain(secret);
        }
        assertThat(serverLog()).doesNotContain(secret);
    }

    @Test
    @DisplayName("the dashboard and its files answer under the application's JAX-RS root, the page with its CSP")
    void dashboardUnderTheJaxRsRoot() throws Exception {
        HttpResponse<String> page = http().get("api/metrics", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'", "script-src 'self'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).contains("/api/metrics/dashboard.js");
        for (String file : List.of("api/metrics/dashboard.js", "api/metrics/dashboard.css", "api/metrics/dashboard")) {
            assertThat(http().get(file).statusCode()).as(file).isEqualTo(200);
        }
        assertThat(Http.object(http().get("api/metrics/history")).getInt("slot_seconds")).isEqualTo(10);
    }

    @Test
    @DisplayName("the JAX-RS filters every request meets are singletons in the build: ArC generated no client proxy for them")
    void theRequestFiltersHaveNoClientProxy() throws Exception {
        Path generated = Path.of(System.getProperty("quarkus.app"), "quarkus", "generated-bytecode.jar");
        try (ZipFile jar = new ZipFile(generated.toFile())) {
            List<String> classes = jar.stream().map(ZipEntry::getName).toList();
            assertThat(classes).as("classes ArC generated in %s", generated)
                    .contains("io/measured/internal/rest/HttpTimingFilter_Bean.class",
                            "io/measured/internal/rest/JaxRsRequestTiming_Bean.class")
                    .doesNotContain("io/measured/internal/rest/HttpTimingFilter_ClientProxy.class",
                            "io/measured/internal/rest/JaxRsRequestTiming_ClientProxy.class");
        }
    }
}
