package io.measured;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One recorded operation. Immutable and thread-safe.
 *
 * @param operationType the type; never null
 * @param operationName the name, such as {@code NoteRepository.findAll} or {@code GET /notes/{id}};
 *        never null
 * @param timestamp when the operation was recorded; never null
 * @param durationMs the duration in milliseconds; finite and {@code >= 0}
 * @param processId the id of the process that recorded it
 * @param metadata extra facts such as {@code outcome}; an unmodifiable copy, never null
 */
public record Metric(OperationType operationType, String operationName, Instant timestamp,
        double durationMs, long processId, Map<String, String> metadata) {

    /**
     * Checks the components and copies the metadata.
     *
     * @param operationType the type; not null
     * @param operationName the name; not null
     * @param timestamp when it was recorded; not null
     * @param durationMs the duration in milliseconds; finite and {@code >= 0}
     * @param processId the id of the recording process
     * @param metadata extra facts; null means none
     * @throws NullPointerException if the type, name or timestamp is null
     * @throws IllegalArgumentException if the duration is negative, NaN or infinite
     */
    public Metric {
        Objects.requireNonNull(operationType, "operationType");
        Objects.requireNonNull(operationName, "operationName");
        Objects.requireNonNull(timestamp, "timestamp");
        if (!(durationMs >= 0) || Double.isInfinite(durationMs)) {
            throw new IllegalArgumentException("durationMs must be finite and >= 0, was " + durationMs);
        }
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
