package io.measured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.measured.internal.cdi.RecordingFailures;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An Error while recording, or a stack overflow through measured calls, never changes what the caller gets. */
class ErrorsWhileRecordingTest {

    @Nested
    @DisplayName("a recorder that throws an Error")
    class RecorderThrowingErrors {

        @AfterEach
        void resetFailure() {
            ExplodingBufferProducer.reset();
        }

        static List<Supplier<? extends Throwable>> errors() {
            return List.of(() -> new OutOfMemoryError("simulated: Java heap space"),
                    () -> new StackOverflowError(), () -> new AssertionError("a broken invariant"),
                    () -> new NoClassDefFoundError("io/measured/Missing"));
        }

        @ParameterizedTest
        @MethodSource("errors")
        @DisplayName("leaves the call's own result, exception instance and stage to the caller, and is reported")
        void leavesTheCallsOwnOutcome(Supplier<? extends Throwable> error) {
            ExplodingBufferProducer.failWith(error);
            try (WeldContainer container = MeasuredContainers.start(java.util.Map.of(), NoteRepository.class,
                    ExplodingBufferProducer.class)) {
                NoteRepository notes = container.select(NoteRepository.class).get();
                assertThat(notes.findAll()).containsExactly("a", "b");
                IllegalStateException own = new IllegalStateException("the business failure");
                assertThatThrownBy(() -> notes.failWith(own)).isSameAs(own);
                CompletableFuture<String> completion = new CompletableFuture<>();
                var stage = notes.later(completion);
                completion.complete("done");
                assertThat(stage.toCompletableFuture().join()).isEqualTo("done");
                assertThat(container.select(RecordingFailures.class).get().count()).isEqualTo(3);
            }
        }
    }

    @Nested
    @MeasuredWeldTest
    @AddBeanClasses({RecursiveBean.class, NoteRepository.class})
    @DisplayName("a measured bean recursing until the stack overflows")
    class Recursion {

        @Inject
        RecursiveBean recursive;

        @Inject
        NoteRepository notes;

        @Inject
        MetricsBuffer buffer;

        @Test
        @DisplayName("returns its own answer, and unrelated calls from other threads go on being recorded")
        void returnsItsAnswerAndBlocksNobody() throws Exception {
            int depth = recursive.depth();
            assertThat(depth).as("calls deep before the overflow").isGreaterThan(100);
            assertThat(countOf("RecursiveBean.depth")).as("the calls recorded on the way back, up to one per level")
                    .isBetween(1L, depth + 1L);

            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> callers = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    callers.add(pool.submit(() -> {
                        for (int i = 0; i < 5_000; i++) {
                            notes.findAll();
                        }
                    }));
                }
                for (Future<?> caller : callers) {
                    caller.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(countOf("NoteRepository.findAll")).isEqualTo(20_000);
        }

        @Test
        @DisplayName("passes the overflow up as the very instance the JVM threw")
        void passesTheOverflowUpUnchanged() {
            List<Throwable> seen = new ArrayList<>();
            assertThatThrownBy(() -> recursive.overflow(seen)).isInstanceOf(StackOverflowError.class)
                    .satisfies(thrown -> assertThat(thrown).isSameAs(seen.get(0)));
            assertThat(buffer.getOperationStats()).filteredOn(s -> s.operationName().equals("RecursiveBean.overflow"))
                    .singleElement().satisfies(s -> assertThat(s.errorCount()).isEqualTo(s.count()).isPositive());
        }

        private long countOf(String operation) {
            return buffer.getOperationStats().stream().filter(s -> s.operationName().equals(operation))
                    .mapToLong(OperationStats::count).sum();
        }
    }
}
