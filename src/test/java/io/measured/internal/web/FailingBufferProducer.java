package io.measured.internal.web;

import io.measured.MetricsBuffer;
import io.measured.OperationRecorder;
import io.measured.OperationType;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.function.Supplier;

/**
 * Replaces the application's buffer with one whose every recorder fails with the Error a test
 * chose ({@link #failWith}), as an exhausted heap or a full stack would make recording fail.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class FailingBufferProducer {

    /** The Errors the HTTP timing tests make recording throw. */
    public static final List<Supplier<? extends Error>> ERRORS = List.of(
            () -> new OutOfMemoryError("simulated: Java heap space"), StackOverflowError::new,
            () -> new AssertionError("a broken invariant"));

    private static volatile Supplier<? extends Error> failure = ERRORS.get(0);

    /** Makes every later recorder lookup throw what {@code next} makes. */
    public static void failWith(Supplier<? extends Error> next) {
        failure = next;
    }

    @Produces
    @ApplicationScoped
    FailingBuffer failingBuffer() {
        return new FailingBuffer();
    }

    /** A buffer whose recorders cannot be had. */
    public static class FailingBuffer extends MetricsBuffer {

        @Override
        public OperationRecorder recorder(OperationType type, String name) {
            throw failure.get();
        }
    }
}
