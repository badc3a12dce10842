package io.measured;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.util.Map;

/** Replaces the application's buffer with one whose recording always fails. */
@Alternative
@Priority(1000)
@ApplicationScoped
public class ExplodingBufferProducer {

    /** A buffer that fails on every record, as a broken or exhausted recorder would. */
    public static class ExplodingBuffer extends MetricsBuffer {

        @Override
        public boolean record(OperationType type, String name, double durationMs, Map<String, String> metadata,
                boolean force) {
            throw new RecorderBrokenException("recording is broken");
        }

        @Override
        public OperationRecorder recorder(OperationType type, String name) {
            throw new RecorderBrokenException("recording is broken");
        }
    }

    /** Stands for any failure inside the recorder. */
    static final class RecorderBrokenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RecorderBrokenException(String message) {
            super(message);
        }
    }

    @Produces
    @ApplicationScoped
    ExplodingBuffer explodingBuffer() {
        return new ExplodingBuffer();
    }
}
