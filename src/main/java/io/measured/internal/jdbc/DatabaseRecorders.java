package io.measured.internal.jdbc;

import io.measured.MetricsBuffer;
import io.measured.OperationRecorder;
import io.measured.OperationType;
import java.util.Map;

/**
 * The buffer JDBC work is recorded into, as the JDBC wrappers need it: its metadata length limit
 * and a {@link DatabaseRecorder} per operation name. Immutable and thread-safe.
 */
interface DatabaseRecorders {

    /** The longest metadata value the buffer keeps. */
    int metadataMaxLength();

    /** The recorder of DATABASE calls named {@code name}. */
    DatabaseRecorder named(String name);

    /** A buffer of this copy of the library. */
    static DatabaseRecorders of(MetricsBuffer buffer) {
        return new DatabaseRecorders() {
            @Override
            public int metadataMaxLength() {
                return buffer.getMetadataMaxLength();
            }

            @Override
            public DatabaseRecorder named(String name) {
                return new Own(buffer.recorder(OperationType.DATABASE, name));
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
