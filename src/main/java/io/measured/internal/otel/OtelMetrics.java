package io.measured.internal.otel;

import static io.measured.internal.otel.Handles.API;

import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * The OpenTelemetry metrics API methods the bridge calls, found as {@link OtelApi} finds the
 * tracing ones. Bucket advice ({@code setExplicitBucketBoundariesAdvice}, API 1.32 and newer) is
 * used where the API has it; without it the SDK's default buckets apply. When the metrics API is
 * not usable, {@link #PRESENT} is false and {@link #ABSENCE} says why.
 */
final class OtelMetrics {

    static final boolean PRESENT;
    static final String ABSENCE;

    /** {@code DoubleHistogram.record(double, Attributes)}: {@code (Object,double,Object)void}. */
    static final MethodHandle RECORD;

    private static final MethodHandle METER_BUILDER;
    private static final MethodHandle SET_VERSION;
    private static final MethodHandle BUILD_METER;
    private static final MethodHandle HISTOGRAM_BUILDER;
    private static final MethodHandle SET_UNIT;
    private static final MethodHandle SET_DESCRIPTION;
    /** Null where the API is older than bucket advice. */
    private static final MethodHandle SET_ADVICE;
    private static final MethodHandle BUILD_HISTOGRAM;
    private static final MethodHandle ATTRIBUTES_BUILDER;
    private static final MethodHandle PUT_STRING;
    private static final MethodHandle BUILD_ATTRIBUTES;

    static {
        MethodHandle[] found = new MethodHandle[12];
        String absence = null;
        try {
            Class<?> openTelemetry = Handles.type(API + "OpenTelemetry");
            Class<?> histogram = Handles.type(API + "metrics.DoubleHistogram");
            Class<?> attributes = Handles.type(API + "common.Attributes");
            Class<?> attributesBuilder = Handles.type(API + "common.AttributesBuilder");
            Class<?> meterBuilder = Handles.type(API + "metrics.MeterBuilder");
            Class<?> meter = Handles.type(API + "metrics.Meter");
            Class<?> histogramBuilder = Handles.type(API + "metrics.DoubleHistogramBuilder");
            found[0] = Handles.virtual(histogram, "record", void.class, double.class, attributes);
            found[1] = Handles.virtual(openTelemetry, "meterBuilder", meterBuilder, String.class);
            found[2] = Handles.virtual(meterBuilder, "setInstrumentationVersion", meterBuilder, String.class);
            found[3] = Handles.virtual(meterBuilder, "build", meter);
            found[4] = Handles.virtual(meter, "histogramBuilder", histogramBuilder, String.class);
            found[5] = Handles.virtual(histogramBuilder, "setUnit", histogramBuilder, String.class);
            found[6] = Handles.virtual(histogramBuilder, "setDescription", histogramBuilder, String.class);
            found[7] = Handles.optionalVirtual(histogramBuilder, "setExplicitBucketBoundariesAdvice", histogramBuilder,
                    List.class);
            found[8] = Handles.virtual(histogramBuilder, "build", histogram);
            found[9] = Handles.staticMethod(attributes, "builder", attributesBuilder);
            found[10] = Handles.virtual(attributesBuilder, "put", attributesBuilder, String.class, String.class);
            found[11] = Handles.virtual(attributesBuilder, "build", attributes);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            absence = String.valueOf(e);
        }
        PRESENT = absence == null;
        ABSENCE = absence;
        RECORD = found[0];
        METER_BUILDER = found[1];
        SET_VERSION = found[2];
        BUILD_METER = found[3];
        HISTOGRAM_BUILDER = found[4];
        SET_UNIT = found[5];
        SET_DESCRIPTION = found[6];
        SET_ADVICE = found[7];
        BUILD_HISTOGRAM = found[8];
        ATTRIBUTES_BUILDER = found[9];
        PUT_STRING = found[10];
        BUILD_ATTRIBUTES = found[11];
    }

    private OtelMetrics() {
    }

    /** Whether histograms get the buffer's bounds as bucket advice here. */
    static boolean adviceSupported() {
        return SET_ADVICE != null;
    }

    /**
     * A histogram in seconds with the given bucket advice where the API takes it, on a meter of
     * instrumentation scope {@code scope} and version {@code version}.
     */
    static Object histogram(Object openTelemetry, String scope, String version, String name, String description,
            List<Double> bucketsSeconds) throws Throwable {
        Object meterBuilder = (Object) METER_BUILDER.invokeExact(openTelemetry, scope);
        meterBuilder = (Object) SET_VERSION.invokeExact(meterBuilder, version);
        Object meter = (Object) BUILD_METER.invokeExact(meterBuilder);
        Object builder = (Object) HISTOGRAM_BUILDER.invokeExact(meter, name);
        builder = (Object) SET_UNIT.invokeExact(builder, "s");
        builder = (Object) SET_DESCRIPTION.invokeExact(builder, description);
        if (SET_ADVICE != null) {
            builder = (Object) SET_ADVICE.invokeExact(builder, bucketsSeconds);
        }
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
