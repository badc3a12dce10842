package io.measured.internal.buffer;

import io.measured.internal.otel.OperationInstrument;
import io.measured.internal.otel.Telemetry;
import io.measured.internal.stats.OperationCounter;
import io.measured.internal.stats.Outcomes;
import java.util.HashMap;
import java.util.Map;

/**
 * What a recorded call adds where the buffer is linked to OpenTelemetry: its measurement in the
 * bridged histogram of its operation, and the trace and span ids of the span current when it was
 * recorded, as metadata of its row. Stateless.
 */
final class TelemetryRecording {

    /** Metadata key of the trace id (32 lowercase hex digits) of the span a call was recorded in. */
    static final String TRACE_ID = "trace_id";
    /** Metadata key of the span id (16 lowercase hex digits) of the span a call was recorded in. */
    static final String SPAN_ID = "span_id";
    private static final String SQL_STATE = "sql_state";
    private static final String DB_STATUS = "db.response.status_code";

    private TelemetryRecording() {
    }

    /** Records the call into its operation's instrument, made on its first call, when its type is bridged. */
    static void observe(Telemetry telemetry, OperationCounter counter, long nanos, boolean error,
            Map<String, String> metadata) {
        if (!telemetry.bridges(counter.type())) {
            return;
        }
        Object attached = counter.attachment();
        if (!(attached instanceof OperationInstrument)) {
            // Described by the JDBC layer (database attributes), or not at all.
            attached = telemetry.instrument(counter.type(), counter.name(),
                    attached instanceof String[] described ? described : null);
            counter.attach(attached);
        }
        OperationInstrument instrument = (OperationInstrument) attached;
        double seconds = nanos / 1e9;
        if (!error) {
            instrument.success(seconds);
        } else {
            String sqlState = metadata.get(SQL_STATE);
            instrument.failure(seconds, errorType(metadata), sqlState == null ? null : DB_STATUS, sqlState);
        }
    }

    /** The failure's exception class, else its HTTP status, else the semantic conventions' fallback. */
    private static String errorType(Map<String, String> metadata) {
        String exception = metadata.get(Outcomes.EXCEPTION);
        if (exception != null) {
            return exception;
        }
        String status = metadata.get(Outcomes.STATUS);
        return status != null ? status : "_OTHER";
    }

    /** The metadata with a span's trace and span ids added (never cut: they have fixed lengths). */
    static Map<String, String> withIds(Map<String, String> metadata, String traceId, String spanId) {
        if (metadata.isEmpty()) {
            return Map.of(TRACE_ID, traceId, SPAN_ID, spanId);
        }
        if (metadata == Outcomes.SUCCESS_METADATA) {
            return Map.of(Outcomes.OUTCOME, Outcomes.SUCCESS, TRACE_ID, traceId, SPAN_ID, spanId);
        }
        Map<String, String> traced = new HashMap<>(metadata);
        traced.put(TRACE_ID, traceId);
        traced.put(SPAN_ID, spanId);
        return Map.copyOf(traced);
    }
}
