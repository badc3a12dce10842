package io.measured.internal.otel;

import java.util.List;

/**
 * A buffer's link to the application's OpenTelemetry: the span current when a call is recorded,
 * and the histograms every call of a bridged type is also recorded into. Made once per buffer when
 * the application starts; immutable and thread-safe.
 *
 * <p>SQL run through {@code io.measured.jdbc} goes to {@value #DB_DURATION} with the database
 * semantic conventions' attributes its recorder gives; every other call of a bridged type goes to
 * {@value #OPERATION_DURATION} with {@value #TYPE_ATTRIBUTE} and {@value #NAME_ATTRIBUTE}. Both
 * are in seconds, with the buffer's histogram bounds as explicit bucket advice, from a meter of
 * instrumentation scope {@value #SCOPE}.
 */
public final class Telemetry {

    public static final String SCOPE = "io.measured";
    public static final String OPERATION_DURATION = "measured.operation.duration";
    public static final String DB_DURATION = "db.client.operation.duration";
    public static final String TYPE_ATTRIBUTE = "measured.operation.type";
    public static final String NAME_ATTRIBUTE = "measured.operation.name";

    private final Object operations;
    private final Object database;
    /** Per type ordinal: whether its calls go to OpenTelemetry's histograms. */
    private final boolean[] bridged;
    private final String[] typeKeys;

    private Telemetry(Object operations, Object database, boolean[] bridged, String[] typeKeys) {
        this.operations = operations;
        this.database = database;
        this.bridged = bridged;
        this.typeKeys = typeKeys;
    }

    /**
     * Links to an OpenTelemetry instance.
     *
     * @param openTelemetry an {@code io.opentelemetry.api.OpenTelemetry}, or null for trace ids alone
     * @param bridged per type ordinal, whether its calls go to the histograms
     * @param typeKeys per type ordinal, its lower-case name
     * @param bucketsSeconds the histograms' explicit bucket advice
     * @param version the library's version, the instrumentation scope's
     * @throws IllegalStateException when the API is not visible or refuses an instrument
     */
    public static Telemetry connect(Object openTelemetry, boolean[] bridged, String[] typeKeys,
            List<Double> bucketsSeconds, String version) {
        if (!OtelApi.PRESENT) {
            throw new IllegalStateException("the OpenTelemetry API is not visible: " + OtelApi.ABSENCE);
        }
        if (openTelemetry == null || !OtelMetrics.PRESENT) {
            return new Telemetry(null, null, new boolean[bridged.length], typeKeys.clone());
        }
        try {
            Object operations = OtelMetrics.histogram(openTelemetry, SCOPE, version, OPERATION_DURATION,
                    "Duration of the calls measured by @Measured, HTTP request timing and manual recording",
                    bucketsSeconds);
            Object database = OtelMetrics.histogram(openTelemetry, SCOPE, version, DB_DURATION,
                    "Duration of database client operations.", bucketsSeconds);
            return new Telemetry(operations, database, bridged.clone(), typeKeys.clone());
        } catch (Throwable e) {
            throw new IllegalStateException("OpenTelemetry refused the histograms " + OPERATION_DURATION + " and "
                    + DB_DURATION + ": " + e, e);
        }
    }

    /** Whether calls of some type go to OpenTelemetry's histograms (false: trace ids and exemplars only). */
    public boolean bridging() {
        for (boolean each : bridged) {
            if (each) {
                return true;
            }
        }
        return false;
    }

    /** Why the metrics API cannot be used where the tracing API can, or null when it can. */
    public static String metricsAbsence() {
        return OtelMetrics.ABSENCE;
    }

    /** Whether histograms get the buffer's bounds as bucket advice (the API has it from 1.32). */
    public static boolean bucketAdvice() {
        return OtelMetrics.adviceSupported();
    }

    /** The API's span context of the span current on this thread, or null when none is valid. */
    public Object currentSpan() {
        return Spans.current();
    }

    /** Whether calls of this type ordinal go to OpenTelemetry's histograms. */
    public boolean bridges(int type) {
        return bridged[type];
    }

    /**
     * The instrument an operation's calls are recorded with, or null when its type is not bridged.
     *
     * @param databaseAttributes alternating keys and values of the database semantic conventions'
     *        attributes for SQL from the JDBC layer, else null
     * @throws IllegalStateException when OpenTelemetry refuses the attributes
     */
    public OperationInstrument instrument(int type, String name, String[] databaseAttributes) {
        if (!bridged[type]) {
            return null;
        }
        try {
            return databaseAttributes != null ? new OperationInstrument(database, databaseAttributes)
                    : new OperationInstrument(operations, new String[] {TYPE_ATTRIBUTE, typeKeys[type], NAME_ATTRIBUTE, name});
        } catch (Throwable e) {
            throw new IllegalStateException("OpenTelemetry refused the attributes of " + name + ": " + e, e);
        }
    }
}
