package io.measured.internal.buffer;

import java.util.Map;
import java.util.function.Function;

/**
 * How the library's own code reaches the core of a {@code MetricsBuffer} it made, without a public
 * method for it: the buffer class grants the access when it is initialized. Typed with
 * {@code Object} so this package never depends on the public one. Thread-safe.
 */
public final class CoreAccess {

    private static volatile Function<Object, BufferCore> access;
    private static volatile Function<Object, Site> sites;
    private static volatile SpanRecording spanRecording;

    /** How an {@code OperationRecorder} records a call in a span seen earlier: granted by the recorder class. */
    @FunctionalInterface
    public interface SpanRecording {
        boolean record(Object recorder, long startNanos, long endNanos, Map<String, String> metadata, Object span);
    }

    private CoreAccess() {
    }

    /** Called once, by the buffer class. */
    public static void grant(Function<Object, BufferCore> granted) {
        access = granted;
    }

    /** Called once, by the recorder class. */
    public static void grantSites(Function<Object, Site> granted, SpanRecording recording) {
        sites = granted;
        spanRecording = recording;
    }

    /**
     * Records a call through an {@code OperationRecorder} as it records with metadata, but linked to
     * {@code span} (a span context {@code BufferCore.currentSpan()} or {@code Spans.current()} gave
     * earlier, when the runtime's span of the call was current) instead of the span current now.
     * Thread-safe.
     */
    public static boolean recordInSpan(Object recorder, long startNanos, long endNanos, Map<String, String> metadata,
            Object span) {
        return spanRecording.record(recorder, startNanos, endNanos, metadata, span);
    }

    /**
     * Describes the operation an {@code OperationRecorder} records for OpenTelemetry: its calls go
     * to {@code db.client.operation.duration} with these attributes instead of
     * {@code measured.operation.duration}, unless they already went somewhere (the first
     * description of an operation, or its first call, decides). Thread-safe.
     *
     * @param attributes alternating keys and values; copied
     */
    public static void describe(Object recorder, String[] attributes) {
        sites.apply(recorder).counter.describe(attributes.clone());
    }

    /**
     * The core of {@code buffer}, a {@code MetricsBuffer} instance itself (never a CDI client
     * proxy, whose own core would be a new, empty one).
     */
    public static BufferCore of(Object buffer) {
        return access.apply(buffer);
    }
}
