package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The calls the telemetry tests make once per server, and what each should leave behind. Two of
 * them carry a W3C {@code traceparent} chosen here, so the trace the server continues is known
 * without guessing which exported span belongs to which request; the others start their own traces.
 */
final class TelemetryWorkload {

    /** Calls of each measured operation (all bridged types: database, render, service), keyed by name. */
    static final Map<String, Long> CALLS = Map.of(
            "NoteRepository.create", 2L,
            "NoteRepository.findById", 1L,
            "NoteRepository.findArchived", 1L,
            "NoteRenderer.render", 1L,
            "Worker.pause", 3L,
            "CommentStore.count", 1L,
            "CommentStore.countWithBody", 1L,
            "CommentStore.addAll", 1L);

    /** The type each operation of {@link #CALLS} is recorded under. */
    static final Map<String, String> TYPES = Map.of(
            "NoteRepository.create", "database",
            "NoteRepository.findById", "database",
            "NoteRepository.findArchived", "database",
            "NoteRenderer.render", "render",
            "Worker.pause", "render",
            "CommentStore.count", "service",
            "CommentStore.countWithBody", "service",
            "CommentStore.addAll", "service");

    /**
     * Statements the demo runs through its measured data source, by query summary. The one that
     * fails is not here: {@link #FAILING_STATEMENT}. ({@code findArchived}'s query of a missing
     * table fails in {@code prepareStatement}, before any statement runs, so it is no statement.)
     */
    static final Map<String, Long> STATEMENTS = Map.of(
            "SELECT DEMO_NOTE", 3L,
            "INSERT DEMO_NOTE", 2L,
            "SELECT DEMO_COMMENT", 2L);

    /**
     * The statement that fails as it runs: JPA's INSERT of a comment longer than its column (H2
     * refuses it with SQLState 22001). Its table is spelled as the JPA provider spells it.
     */
    static final String FAILING_STATEMENT = "INSERT DEMO_COMMENT";

    /** The calls that fail: the note archive's missing table, and the comment too long to store. */
    static final Set<String> FAILING_OPERATIONS = Set.of("NoteRepository.findArchived", "CommentStore.addAll");
    /** The failing call made in a trace the caller chose ({@link #failingTraceId}), and what it throws. */
    static final String FAILING_OPERATION = "NoteRepository.findArchived";
    static final String FAILING_EXCEPTION = "io.measured.demo.NoteStoreException";
    static final int PAUSE_MS = 30;

    /** Values only this run puts into a request: none may appear in any exported attribute. */
    final String titleValue = "title" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    final String literalValue = "lit" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    final long noteValue = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
    /** A comment of 501 characters, one more than its column holds. */
    final String tooLongValue = ("long" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "x".repeat(501))
            .substring(0, 501);

    /** The trace the page request ({@code GET /notes/{id}/html}) continues, and the caller's span id in it. */
    final String pageTraceId = randomHex(16);
    final String pageParentSpanId = randomHex(8);
    /** The trace the failing request ({@code GET /notes/archive}) continues. */
    final String failingTraceId = randomHex(16);
    final String failingParentSpanId = randomHex(8);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Makes every call of {@link #CALLS}, asserting each answer, and returns the id of the note created first. */
    long run(Http http) throws Exception {
        long id = Http.object(expect(http.post("api/notes",
                "{\"title\":\"" + titleValue + "\",\"body\":\"first\"}"), 201)).getJsonNumber("id").longValue();
        expect(http.post("api/notes", "{\"title\":\"" + titleValue + "\",\"body\":\"second\"}"), 201);
        assertThat(expect(traced(http, "api/notes/" + id + "/html", pageTraceId, pageParentSpanId), 200).body())
                .contains(titleValue);
        for (int i = 0; i < CALLS.get("Worker.pause"); i++) {
            expect(http.get("api/tasks?ms=" + PAUSE_MS), 200);
        }
        expect(http.get("api/comments/" + noteValue + "/count"), 200);
        expect(http.get("api/comments/matching?body=" + literalValue), 200);
        expect(traced(http, "api/notes/archive", failingTraceId, failingParentSpanId), 503);
        assertThat(http.postText("api/comments/" + noteValue + "/all", tooLongValue).statusCode())
                .as("a comment longer than its column").isGreaterThanOrEqualTo(500);
        return id;
    }

    /** A GET whose caller is the span {@code parentSpanId} of trace {@code traceId}, sampled. */
    private HttpResponse<String> traced(Http http, String path, String traceId, String parentSpanId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(http.base().resolve(path)).timeout(Duration.ofSeconds(60))
                .header("traceparent", "00-" + traceId + "-" + parentSpanId + "-01").GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s answered %s", response.request().uri(), response.body()).isEqualTo(status);
        return response;
    }

    private static String randomHex(int bytes) {
        byte[] id = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(id);
        } while (id[0] == 0);
        return HexFormat.of().formatHex(id);
    }
}
