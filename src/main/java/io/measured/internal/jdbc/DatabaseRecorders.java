package io.measured.internal.jdbc;

import io.measured.MetricsBuffer;
import io.measured.OperationRecorder;
import io.measured.OperationType;
import io.measured.internal.buffer.CoreAccess;
import java.util.List;
import java.util.Map;

/**
 * The buffer JDBC work is recorded into, as the JDBC wrappers need it: its metadata length limit
 * and a {@link DatabaseRecorder} per operation name. Immutable and thread-safe.
 */
interface DatabaseRecorders {

    /** The longest metadata value the buffer keeps. */
    int metadataMaxLength();

    /** The recorder of DATABASE calls named {@code name}. */
    default DatabaseRecorder named(String name) {
        return named(name, null);
    }

    /**
     * The recorder of DATABASE calls named {@code name}, whose calls OpenTelemetry measures with
     * the given database attributes (alternating keys and values), or as any other call when null.
     */
    DatabaseRecorder named(String name, String[] telemetryAttributes);

    /**
     * Whether a failure is of normal flow for the application ({@code measured.errors.expected}):
     * recorded as {@code outcome=expected}, not as an error.
     */
    boolean expected(Throwable failure);

    /** A buffer of this copy of the library, with no exception of normal flow. */
    static DatabaseRecorders of(MetricsBuffer buffer) {
        return of(buffer, List.of());
    }

    /** A buffer of this copy of the library, and the application's exceptions of normal flow. */
    static DatabaseRecorders of(MetricsBuffer buffer, List<Class<?>> expected) {
        return new DatabaseRecorders() {
            @Override
            public int metadataMaxLength() {
                return buffer.getMetadataMaxLength();
            }

            @Override
            public DatabaseRecorder named(String name, String[] telemetryAttributes) {
                OperationRecorder recorder = buffer.recorder(OperationType.DATABASE, name);
                if (telemetryAttributes != null) {
                    CoreAccess.describe(recorder, telemetryAttributes);
                }
                return new Own(recorder);
            }

            @Override
            public boolean expected(Throwable failure) {
                for (Class<?> type : expected) {
                    if (type.isInstance(failure)) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    /** A recorder of this copy of the library. */
    record Own(OperationRecorder recorder) implements DatabaseRecorder {

        @Override
        public String name() {
            return recorder.name();
        }

        @Override
        public DatabaseRecorder withMetadata(Map<String, String> metadata) {
            return new Own(recorder.withMetadata(metadata));
        }

        @Override
        public void record(long startNanos, long endNanos) {
            recorder.record(startNanos, endNanos);
        }

        @Override
        public void record(long startNanos, long endNanos, Map<String, String> metadata) {
            recorder.record(startNanos, endNanos, metadata);
        }
    }
}
