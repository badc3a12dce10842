package io.measured.internal.web;

import io.measured.MetricsBuffer;
import io.measured.OperationRecorder;
import io.measured.OperationType;
import io.measured.internal.buffer.CoreAccess;
import io.measured.internal.stats.Outcomes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The recorder of each request name and the metadata of each (method, status), made once: request
 * names are bounded by construction and statuses are three digits, so a request's recording looks
 * nothing up in the buffer and allocates nothing. Bounded: past {@value #MAX_NAMES} names a
 * request is recorded by name through the buffer instead. Thread-safe.
 */
public final class RequestRecorders {

    private static final int MAX_NAMES = 4_096;
    private static final int STATUSES = 500; // 100 .. 599

    private final ConcurrentHashMap<String, OperationRecorder> recorders = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<Map<String, String>> metadata = new AtomicReferenceArray<>(
            BoundedNames.METHODS.size() * STATUSES);

    /** The recorder of a request name, made once per name. */
    public OperationRecorder of(MetricsBuffer buffer, String name) {
        OperationRecorder known = recorders.get(name);
        if (known != null) {
            return known;
        }
        OperationRecorder made = buffer.recorder(OperationType.HTTP, name);
        if (recorders.size() < MAX_NAMES) {
            recorders.putIfAbsent(name, made);
        }
        return made;
    }

    /**
     * Records one request under {@code name} with its method and status, in {@code span} (a span
     * context seen while the runtime's server span was current) where given, else in the span
     * current now.
     */
    public void record(MetricsBuffer buffer, String name, String method, int status, long start, long end,
            Object span) {
        OperationRecorder recorder = of(buffer, name);
        if (span == null) {
            recorder.record(start, end, metadata(method, status));
        } else {
            CoreAccess.recordInSpan(recorder, start, end, metadata(method, status), span);
        }
    }

    /** {@code method} and {@code status}, one shared map per pair; a status outside 100 .. 599 gets its own. */
    public Map<String, String> metadata(String method, int status) {
        int m = BoundedNames.METHODS.indexOf(method);
        if (m < 0 || status < 100 || status > 599) {
            return Map.of("method", method, Outcomes.STATUS, Integer.toString(status));
        }
        int index = m * STATUSES + status - 100;
        Map<String, String> shared = metadata.get(index);
        if (shared == null) {
            shared = Map.of("method", method, Outcomes.STATUS, Integer.toString(status));
            metadata.compareAndSet(index, null, shared);
        }
        return shared;
    }
}
