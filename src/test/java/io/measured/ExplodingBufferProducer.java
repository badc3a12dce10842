package io.measured;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Replaces the application's buffer with one whose recording always fails, by default with a
 * {@link RecorderBrokenException}; a test may choose another failure, an {@code Error} say, and
 * must {@link #reset} it.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class ExplodingBufferProducer {

    private static volatile Supplier<? extends Throwable> failure = () -> new RecorderBrokenException("recording is broken");

    /** Makes every later recording throw what {@code next} makes (a RuntimeException or an Error). */
    static void failWith(Supplier<? extends Throwable> next) {
        failure = next;
    }

    /** Back to the default failure. */
    static void reset() {
        failure = () -> new RecorderBrokenException("recording is broken");
    }

    private static RuntimeException explode() {
        Throwable next = failure.get();
        if (next instanceof Error error) {
            throw error;
        }
        throw (RuntimeException) next;
    }

    /** A buffer that fails on every record, as a broken or exhausted recorder would. */
    public static class ExplodingBuffer extends MetricsBuffer {

        @Override
        public boolean record(OperationType type, String name, double durationMs, Map<String, String> metadata,
                boolean force) {
            throw explode();
        }

        @Override
        public OperationRecorder recorder(OperationType type, String name) {
            throw explode();
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
