package io.measured.it;

import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** A snapshot of {@code GET /api/metrics/operations}, keyed {@code "<type> <name>"}. */
final class Operations {

    private record Entry(long count, long errors, double maxMs) {
    }

    private final Map<String, Entry> entries;

    private Operations(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static Operations of(Http http) throws Exception {
        Map<String, Entry> entries = new HashMap<>();
        for (JsonValue value : Http.array(http.get("api/metrics/operations"))) {
            JsonObject op = value.asJsonObject();
            entries.put(op.getString("operation_type") + " " + op.getString("operation_name"), new Entry(
                    op.getJsonNumber("count").longValue(), op.getJsonNumber("error_count").longValue(),
                    op.getJsonNumber("max_duration_ms").doubleValue()));
        }
        return new Operations(entries);
    }

    /**
     * Awaits until the operation {@code key} has at least {@code calls} more calls than in
     * {@code before}, for 30 s at most, and returns the snapshot that showed it. A call is recorded
     * when its response or its work completes, which can be just after the client has its answer
     * (a request under Quarkus, an asynchronous servlet or EJB method), so a test reads its own
     * call's record only after this.
     */
    static Operations awaitCalls(Http http, Operations before, String key, long calls) {
        AtomicReference<Operations> seen = new AtomicReference<>();
        await(calls + " more call(s) of " + key).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    Operations now = of(http);
                    seen.set(now);
                    return now.count(key) - before.count(key) >= calls;
                });
        return seen.get();
    }

    long count(String key) {
        Entry entry = entries.get(key);
        return entry == null ? 0 : entry.count;
    }

    /**
     * Calls of an operation whose key matches ignoring case: JPA providers spell the table of an
     * entity each their own way ({@code DEMO_COMMENT} or {@code demo_comment}).
     */
    long countIgnoringCase(String key) {
        long total = 0;
        for (Map.Entry<String, Entry> entry : entries.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(key)) {
                total += entry.getValue().count;
            }
        }
        return total;
    }

    long errors(String key) {
        Entry entry = entries.get(key);
        return entry == null ? 0 : entry.errors;
    }

    double maxMs(String key) {
        Entry entry = entries.get(key);
        return entry == null ? 0 : entry.maxMs;
    }

    Set<String> keys() {
        return entries.keySet();
    }

    /** The operations of a type called since {@code before}, with how many calls each. */
    Map<String, Long> changedSince(Operations before, String type) {
        Map<String, Long> changed = new java.util.TreeMap<>();
        for (Map.Entry<String, Entry> entry : entries.entrySet()) {
            long calls = entry.getValue().count - before.count(entry.getKey());
            if (entry.getKey().startsWith(type + " ") && calls != 0) {
                changed.put(entry.getKey(), calls);
            }
        }
        return changed;
    }

    /** Calls of every operation of a type since {@code before}. */
    long countOfType(String type, Operations before) {
        long total = 0;
        for (Map.Entry<String, Entry> entry : entries.entrySet()) {
            if (entry.getKey().startsWith(type + " ")) {
                total += entry.getValue().count - before.count(entry.getKey());
            }
        }
        return total;
    }
}
