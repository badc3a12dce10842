package io.measured.internal.otel;

import static io.measured.internal.otel.Handles.API;

import java.lang.invoke.MethodHandle;

/**
 * The OpenTelemetry API methods that find the current span, found once in this library's class
 * loader and called through method handles: the jar has no dependency on OpenTelemetry, at compile
 * time or at run time, and uses it only where the application sees it (a MicroProfile Telemetry
 * server or an agent showing it, or the application packaging it). Being static and final, the
 * handles are constants to the JIT, so a call through one costs what the direct call costs. When
 * these are not visible, {@link #PRESENT} is false, {@link #ABSENCE} says why, and no handle may be
 * used. The metrics part is {@link OtelMetrics}, which an older API may lack on its own.
 */
final class OtelApi {

    /** Whether the API is visible here and every handle below but {@link #GLOBAL_IS_SET} is usable. */
    static final boolean PRESENT;
    /** Why the API is not usable, or null when it is. */
    static final String ABSENCE;

    /** {@code Context.current()}: {@code ()Object}. */
    static final MethodHandle CURRENT_CONTEXT;
    /** {@code Span.fromContextOrNull(Context)}: {@code (Object)Object}. */
    static final MethodHandle SPAN_OR_NULL;
    /** {@code Span.getSpanContext()}: {@code (Object)Object}. */
    static final MethodHandle SPAN_CONTEXT;
    /** {@code SpanContext.isValid()}: {@code (Object)boolean}. */
    static final MethodHandle IS_VALID;
    /** {@code SpanContext.getTraceId()}: {@code (Object)String}. */
    static final MethodHandle TRACE_ID;
    /** {@code SpanContext.getSpanId()}: {@code (Object)String}. */
    static final MethodHandle SPAN_ID;
    /** The class {@code io.opentelemetry.api.OpenTelemetry}, for a CDI lookup. */
    static final Class<?> OPEN_TELEMETRY;
    /**
     * {@code GlobalOpenTelemetry.isSet()}, or null: it is newer than the APIs MicroProfile Telemetry
     * runtimes bundle (Open Liberty 26: 1.39, WildFly 39: 1.48), where the CDI bean is what counts.
     */
    private static final MethodHandle GLOBAL_IS_SET;
    private static final MethodHandle GLOBAL_GET;

    static {
        MethodHandle[] found = new MethodHandle[8];
        Class<?> openTelemetry = null;
        String absence = null;
        try {
            Class<?> context = Handles.type("io.opentelemetry.context.Context");
            Class<?> span = Handles.type(API + "trace.Span");
            Class<?> spanContext = Handles.type(API + "trace.SpanContext");
            Class<?> global = Handles.type(API + "GlobalOpenTelemetry");
            openTelemetry = Handles.type(API + "OpenTelemetry");
            found[0] = Handles.staticMethod(context, "current", context);
            found[1] = Handles.staticMethod(span, "fromContextOrNull", span, context);
            found[2] = Handles.virtual(span, "getSpanContext", spanContext);
            found[3] = Handles.virtual(spanContext, "isValid", boolean.class);
            found[4] = Handles.virtual(spanContext, "getTraceId", String.class);
            found[5] = Handles.virtual(spanContext, "getSpanId", String.class);
            found[6] = Handles.optionalStatic(global, "isSet", boolean.class);
            found[7] = Handles.staticMethod(global, "get", openTelemetry);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            absence = e instanceof ClassNotFoundException || e instanceof NoClassDefFoundError
                    ? "class " + e.getMessage() + " not found" : String.valueOf(e);
            openTelemetry = null;
        }
        PRESENT = absence == null;
        ABSENCE = absence;
        OPEN_TELEMETRY = openTelemetry;
        CURRENT_CONTEXT = found[0];
        SPAN_OR_NULL = found[1];
        SPAN_CONTEXT = found[2];
        IS_VALID = found[3];
        TRACE_ID = found[4];
        SPAN_ID = found[5];
        GLOBAL_IS_SET = found[6];
        GLOBAL_GET = found[7];
    }

    private OtelApi() {
    }

    /**
     * The OpenTelemetry an agent or the application registered globally, or null when none is or
     * the API cannot tell without making one (no {@code GlobalOpenTelemetry.isSet()}).
     */
    static Object globalIfSet() throws Throwable {
        if (GLOBAL_IS_SET == null) {
            return null;
        }
        return (boolean) GLOBAL_IS_SET.invokeExact() ? (Object) GLOBAL_GET.invokeExact() : null;
    }
}
