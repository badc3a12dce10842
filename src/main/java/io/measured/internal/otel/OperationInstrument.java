package io.measured.internal.otel;

import java.util.Arrays;

/**
 * One operation's measurements into an OpenTelemetry histogram: the attributes of its successful
 * calls, built once, and those of its failed calls, built once per error type. Error types are
 * bounded by {@link #ERROR_TYPES_MAX}; calls of further types share {@code error.type=_OTHER}, as
 * the semantic conventions name the fallback (without a status). Thread-safe; recording never waits for a lock (a
 * racing first build of an error type's attributes may build them twice; both are equal).
 */
public final class OperationInstrument {

    /** Distinct error types an operation keeps attributes for. */
    static final int ERROR_TYPES_MAX = 16;
    static final String ERROR_TYPE = "error.type";
    static final String OTHER_ERROR = "_OTHER";

    private final Object histogram;
    private final String[] attributes;
    private final Object success;
    /** Failed calls beyond the bounded error types. */
    private final Object otherError;
    /** The error types seen, with their attributes; replaced whole, copy on write. */
    private volatile ErrorAttributes[] errors = new ErrorAttributes[0];

    private record ErrorAttributes(String type, String status, Object attributes) {
    }

    /** @param attributes alternating keys and values of every call's attributes */
    OperationInstrument(Object histogram, String[] attributes) throws Throwable {
        this.histogram = histogram;
        this.attributes = attributes.clone();
        this.success = OtelMetrics.attributes(attributes);
        this.otherError = OtelMetrics.attributes(with(attributes, ERROR_TYPE, OTHER_ERROR));
    }

    private static String[] with(String[] attributes, String... more) {
        String[] pairs = Arrays.copyOf(attributes, attributes.length + more.length);
        System.arraycopy(more, 0, pairs, attributes.length, more.length);
        return pairs;
    }

    /** Records a successful call. */
    public void success(double seconds) {
        try {
            OtelMetrics.RECORD.invokeExact(histogram, seconds, success);
        } catch (Throwable e) {
            throw new IllegalStateException("OpenTelemetry's DoubleHistogram.record failed", e);
        }
    }

    /**
     * Records a failed call.
     *
     * @param errorType the exception's class name, or for HTTP the status code; not null
     * @param statusKey the attribute of {@code status}, such as {@code db.response.status_code}, or null for none
     * @param status its value, such as a SQLState; ignored without {@code statusKey}
     */
    public void failure(double seconds, String errorType, String statusKey, String status) {
        try {
            OtelMetrics.RECORD.invokeExact(histogram, seconds, errorAttributes(errorType, statusKey, status));
        } catch (Throwable e) {
            throw new IllegalStateException("OpenTelemetry's DoubleHistogram.record failed", e);
        }
    }

    private Object errorAttributes(String errorType, String statusKey, String status) throws Throwable {
        String kept = statusKey == null ? null : status;
        ErrorAttributes[] known = errors;
        for (ErrorAttributes each : known) {
            if (each.type.equals(errorType) && java.util.Objects.equals(each.status, kept)) {
                return each.attributes;
            }
        }
        if (known.length >= ERROR_TYPES_MAX) {
            return otherError;
        }
        Object built = OtelMetrics.attributes(kept == null ? with(attributes, ERROR_TYPE, errorType)
                : with(attributes, ERROR_TYPE, errorType, statusKey, kept));
        ErrorAttributes[] grown = Arrays.copyOf(known, known.length + 1);
        grown[known.length] = new ErrorAttributes(errorType, kept, built);
        errors = grown; // a racing addition may be lost: it is built again on its next error
        return built;
    }
}
