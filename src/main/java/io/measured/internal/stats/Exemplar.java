package io.measured.internal.stats;

/**
 * A recent traced call of one histogram bucket: its trace and span ids, duration and end time,
 * written beside the bucket as an OpenMetrics exemplar. Immutable.
 *
 * @param traceId 32 lowercase hex digits
 * @param spanId 16 lowercase hex digits
 * @param nanos the call's duration, within the bucket
 * @param epochMillis when the call ended
 */
public record Exemplar(String traceId, String spanId, long nanos, long epochMillis) {
}
