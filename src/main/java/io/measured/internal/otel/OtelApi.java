package io.measured.internal.otel;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * The few OpenTelemetry API methods the library calls, found once in this library's class loader
 * and called through method handles: the jar has no dependency on OpenTelemetry, at compile time
 * or at run time, and uses it only where the application sees it (an MicroProfile Telemetry server
 * or an agent showing it, or the application packaging it). The handles take and return
 * {@code Object} for API types; being static and final they are constants to the JIT, so a call
 * through one costs what the direct call costs. When the API is not visible, {@link #PRESENT} is
 * false, {@link #ABSENCE} says why, and no handle may be used.
 */
final class OtelApi {

    private static final String API = "io.opentelemetry.api.";
    private static final Class<?>[] NONE = {};

    /** Whether the API is visible here and every handle below is usable. */
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
    /** {@code DoubleHistogram.record(double, Attributes)}: {@code (Object,double,Object)void}. */
    static final MethodHandle RECORD;
    /** The class {@code io.opentelemetry.api.OpenTelemetry}, for a CDI lookup. */
    static final Class<?> OPEN_TELEMETRY;

    private static final MethodHandle GLOBAL_IS_SET;
    private static final MethodHandle GLOBAL_GET;
    private static final MethodHandle METER_BUILDER;
    private static final MethodHandle SET_VERSION;
    private static final MethodHandle BUILD_METER;
    private static final MethodHandle HISTOGRAM_BUILDER;
    private static final MethodHandle SET_UNIT;
    private static final MethodHandle SET_DESCRIPTION;
    private static final MethodHandle SET_ADVICE;
    private static final MethodHandle BUILD_HISTOGRAM;
    private static final MethodHandle ATTRIBUTES_BUILDER;
    private static final MethodHandle PUT_STRING;
    private static final MethodHandle BUILD_ATTRIBUTES;

    static {
        MethodHandle[] found = new MethodHandle[20];
        Class<?> openTelemetry = null;
        String absence = null;
        try {
            ClassLoader loader = OtelApi.class.getClassLoader();
            Class<?> context = Class.forName("io.opentelemetry.context.Context", false, loader);
            Class<?> span = Class.forName(API + "trace.Span", false, loader);
            Class<?> spanContext = Class.forName(API + "trace.SpanContext", false, loader);
            Class<?> histogram = Class.forName(API + "metrics.DoubleHistogram", false, loader);
            Class<?> attributes = Class.forName(API + "common.Attributes", false, loader);
            Class<?> attributesBuilder = Class.forName(API + "common.AttributesBuilder", false, loader);
            Class<?> meterBuilder = Class.forName(API + "metrics.MeterBuilder", false, loader);
            Class<?> meter = Class.forName(API + "metrics.Meter", false, loader);
            Class<?> histogramBuilder = Class.forName(API + "metrics.DoubleHistogramBuilder", false, loader);
            Class<?> global = Class.forName(API + "GlobalOpenTelemetry", false, loader);
            openTelemetry = Class.forName(API + "OpenTelemetry", false, loader);
            found[0] = staticMethod(context, "current", context);
            found[1] = staticMethod(span, "fromContextOrNull", span, context);
            found[2] = virtual(span, "getSpanContext", spanContext);
            found[3] = virtual(spanContext, "isValid", boolean.class);
            found[4] = virtual(spanContext, "getTraceId", String.class);
            found[5] = virtual(spanContext, "getSpanId", String.class);
            found[6] = virtual(histogram, "record", void.class, double.class, attributes);
            // isSet() is newer than the APIs MicroProfile Telemetry runtimes bundle (Open Liberty 26:
            // 1.39, WildFly 39: 1.48), where the CDI bean is what counts: without it, no global fallback.
            found[7] = optionalStaticMethod(global, "isSet", boolean.class);
            found[8] = staticMethod(global, "get", openTelemetry);
            found[9] = virtual(openTelemetry, "meterBuilder", meterBuilder, String.class);
            found[10] = virtual(meterBuilder, "setInstrumentationVersion", meterBuilder, String.class);
            found[11] = virtual(meterBuilder, "build", meter);
            found[12] = virtual(meter, "histogramBuilder", histogramBuilder, String.class);
            found[13] = virtual(histogramBuilder, "setUnit", histogramBuilder, String.class);
            found[14] = virtual(histogramBuilder, "setDescription", histogramBuilder, String.class);
            found[15] = virtual(histogramBuilder, "setExplicitBucketBoundariesAdvice", histogramBuilder, List.class);
            found[16] = virtual(histogramBuilder, "build", histogram);
            found[17] = staticMethod(attributes, "builder", attributesBuilder);
            found[18] = virtual(attributesBuilder, "put", attributesBuilder, String.class, String.class);
            found[19] = virtual(attributesBuilder, "build", attributes);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            absence = String.valueOf(e);
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
        RECORD = found[6];
        GLOBAL_IS_SET = found[7];
        GLOBAL_GET = found[8];
        METER_BUILDER = found[9];
        SET_VERSION = found[10];
        BUILD_METER = found[11];
        HISTOGRAM_BUILDER = found[12];
        SET_UNIT = found[13];
        SET_DESCRIPTION = found[14];
        SET_ADVICE = found[15];
        BUILD_HISTOGRAM = found[16];
        ATTRIBUTES_BUILDER = found[17];
        PUT_STRING = found[18];
        BUILD_ATTRIBUTES = found[19];
    }

    private OtelApi() {
    }

    /** A public static method, typed with {@code Object} for every API type. */
    private static MethodHandle staticMethod(Class<?> owner, String name, Class<?> returned, Class<?>... parameters)
            throws ReflectiveOperationException {
        MethodHandle handle = MethodHandles.publicLookup().findStatic(owner, name, MethodType.methodType(returned, parameters));
        return handle.asType(erased(handle.type()));
    }

    /** {@link #staticMethod}, or null when the API has no such method. */
    private static MethodHandle optionalStaticMethod(Class<?> owner, String name, Class<?> returned)
            throws ReflectiveOperationException {
        try {
            return staticMethod(owner, name, returned);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** A public instance method of an interface or class, typed with {@code Object} for every API type. */
    private static MethodHandle virtual(Class<?> owner, String name, Class<?> returned, Class<?>... parameters)
            throws ReflectiveOperationException {
        MethodHandle handle = MethodHandles.publicLookup().findVirtual(owner, name,
                MethodType.methodType(returned, parameters.length == 0 ? NONE : parameters));
        return handle.asType(erased(handle.type()));
    }

    /** The type with every reference type other than String and List made Object. */
    private static MethodType erased(MethodType type) {
        MethodType erased = type;
        for (int i = 0; i < type.parameterCount(); i++) {
            erased = erased.changeParameterType(i, plain(type.parameterType(i)));
        }
        return erased.changeReturnType(plain(type.returnType()));
    }

    private static Class<?> plain(Class<?> type) {
        return type.isPrimitive() || type == String.class || type == List.class ? type : Object.class;
    }

    /**
     * The OpenTelemetry an agent or the application registered globally, or null when none is or
     * the API cannot tell (no {@code GlobalOpenTelemetry.isSet()}).
     */
    static Object globalIfSet() throws Throwable {
        if (GLOBAL_IS_SET == null) {
            return null;
        }
        return (boolean) GLOBAL_IS_SET.invokeExact() ? (Object) GLOBAL_GET.invokeExact() : null;
    }

    /**
     * A histogram in seconds with the given bucket advice, on a meter of instrumentation scope
     * {@code scope} and version {@code version}.
     */
    static Object histogram(Object openTelemetry, String scope, String version, String name, String description,
            List<Double> bucketsSeconds) throws Throwable {
        Object meterBuilder = (Object) METER_BUILDER.invokeExact(openTelemetry, scope);
        meterBuilder = (Object) SET_VERSION.invokeExact(meterBuilder, version);
        Object meter = (Object) BUILD_METER.invokeExact(meterBuilder);
        Object builder = (Object) HISTOGRAM_BUILDER.invokeExact(meter, name);
        builder = (Object) SET_UNIT.invokeExact(builder, "s");
        builder = (Object) SET_DESCRIPTION.invokeExact(builder, description);
        builder = (Object) SET_ADVICE.invokeExact(builder, bucketsSeconds);
        return (Object) BUILD_HISTOGRAM.invokeExact(builder);
    }

    /** Attributes of string values, from alternating keys and values. */
    static Object attributes(String... keysAndValues) throws Throwable {
        Object builder = (Object) ATTRIBUTES_BUILDER.invokeExact();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            builder = (Object) PUT_STRING.invokeExact(builder, keysAndValues[i], keysAndValues[i + 1]);
        }
        return (Object) BUILD_ATTRIBUTES.invokeExact(builder);
    }
}
