package io.measured.internal.otel;

/**
 * The span current on the calling thread, as the OpenTelemetry API the application sees knows it.
 * Stateless and thread-safe; never throws.
 */
public final class Spans {

    private Spans() {
    }

    /** Whether the OpenTelemetry API is visible to this library: otherwise nothing here finds a span. */
    public static boolean apiVisible() {
        return OtelApi.PRESENT;
    }

    /** Why the OpenTelemetry API cannot be used here, or null when it can. */
    public static String apiAbsence() {
        return OtelApi.ABSENCE;
    }

    /** The class {@code io.opentelemetry.api.OpenTelemetry}, for a CDI lookup; only where {@link #apiVisible()}. */
    public static Class<?> openTelemetryType() {
        return OtelApi.OPEN_TELEMETRY;
    }

    /**
     * The OpenTelemetry an agent or the application registered with {@code GlobalOpenTelemetry},
     * or null when none is; only where {@link #apiVisible()}.
     *
     * @throws IllegalStateException when the API fails
     */
    public static Object globalIfSet() {
        try {
            return OtelApi.globalIfSet();
        } catch (Throwable e) {
            throw new IllegalStateException("GlobalOpenTelemetry failed", e);
        }
    }

    /**
     * Returns the current span's context (an {@code io.opentelemetry.api.trace.SpanContext}) when a
     * valid span is current, else null; null too when the API is not visible.
     */
    public static Object current() {
        if (!OtelApi.PRESENT) {
            return null;
        }
        try {
            Object span = (Object) OtelApi.SPAN_OR_NULL.invokeExact((Object) OtelApi.CURRENT_CONTEXT.invokeExact());
            if (span == null) {
                return null;
            }
            Object context = (Object) OtelApi.SPAN_CONTEXT.invokeExact(span);
            return (boolean) OtelApi.IS_VALID.invokeExact(context) ? context : null;
        } catch (Throwable e) {
            return null; // a broken context storage is no reason to fail a call: it is recorded untraced
        }
    }

    /** The trace id (32 lowercase hex digits) of a span context {@link #current()} returned. */
    public static String traceId(Object spanContext) {
        try {
            return (String) OtelApi.TRACE_ID.invokeExact(spanContext);
        } catch (Throwable e) {
            throw new IllegalStateException("OpenTelemetry's SpanContext.getTraceId failed", e);
        }
    }

    /** The span id (16 lowercase hex digits) of a span context {@link #current()} returned. */
    public static String spanId(Object spanContext) {
        try {
            return (String) OtelApi.SPAN_ID.invokeExact(spanContext);
        } catch (Throwable e) {
            throw new IllegalStateException("OpenTelemetry's SpanContext.getSpanId failed", e);
        }
    }
}
