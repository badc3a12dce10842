package io.measured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.assertj.core.groups.Tuple;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@MeasuredWeldTest
@AddBeanClasses({NoteRepository.class, InheritingRepository.class, PlainService.class, ManualRecorder.class})
class MeasuredInterceptorTest {

    @Inject
    NoteRepository notes;

    @Inject
    InheritingRepository inheriting;

    @Inject
    PlainService plain;

    @Inject
    ManualRecorder manual;

    @Inject
    MetricsBuffer buffer;

    private Metric only() {
        assertThat(buffer.getAll()).hasSize(1);
        return buffer.getAll().get(0);
    }

    @Nested
    @DisplayName("names and types")
    class Names {

        @Test
        void classLevelBindingUsesTheRealSimpleClassName() {
            assertThat(notes.findAll()).containsExactly("a", "b");
            Metric metric = only();
            assertThat(metric.operationType()).isEqualTo(OperationType.DATABASE);
            assertThat(metric.operationName()).isEqualTo("NoteRepository.findAll");
            assertThat(metric.metadata()).containsExactly(Map.entry("outcome", "success"));
            assertThat(notes.getClass().getName()).as("the bean is proxied").isNotEqualTo(NoteRepository.class.getName());
        }

        @Test
        void methodLevelBindingWins() {
            assertThat(notes.render("n")).isEqualTo("<p>n</p>");
            Metric metric = only();
            assertThat(metric.operationType()).isEqualTo(OperationType.RENDER);
            assertThat(metric.operationName()).isEqualTo("note page");
        }

        @Test
        void inheritedClassBindingNamesTheSubclass() {
            assertThat(inheriting.count()).isEqualTo(3);
            assertThat(inheriting.own()).isEqualTo("own");
            assertThat(buffer.getAll()).extracting(Metric::operationName)
                    .containsExactly("InheritingRepository.count", "InheritingRepository.own");
        }

        @Test
        void onlyAnnotatedMethodsOfAnUnannotatedClassAreTimed() {
            assertThat(plain.untimed()).isEqualTo("untimed");
            assertThat(plain.fetch()).isEqualTo("fetched");
            assertThat(only().operationName()).isEqualTo("PlainService.fetch");
            assertThat(only().operationType()).isEqualTo(OperationType.HTTP);
        }

        @Test
        void durationsAreMeasured() throws InterruptedException {
            notes.sleep(20);
            assertThat(only().durationMs()).isGreaterThanOrEqualTo(19.0).isLessThan(5_000.0);
        }
    }

    @Nested
    @DisplayName("a bean's methods called in turn")
    class InTurn {

        @Test
        @DisplayName("are each recorded under their own binding, the first method's later calls included")
        void eachUnderItsOwnBinding() {
            for (int i = 0; i < 3; i++) {
                assertThat(notes.findAll()).containsExactly("a", "b");
                assertThat(notes.render("n")).isEqualTo("<p>n</p>");
            }
            assertThat(buffer.getOperationStats())
                    .extracting(OperationStats::operationType, OperationStats::operationName, OperationStats::count)
                    .containsExactlyInAnyOrder(
                            Tuple.tuple(OperationType.DATABASE, "NoteRepository.findAll", 3L),
                            Tuple.tuple(OperationType.RENDER, "note page", 3L));
        }

        @Test
        @DisplayName("the first method's later failures are rethrown as they are and recorded as errors")
        void firstMethodsLaterFailures() {
            for (int i = 0; i < 3; i++) {
                IllegalStateException failure = new IllegalStateException("boom " + i);
                assertThatThrownBy(() -> notes.failWith(failure)).isSameAs(failure);
            }
            assertThat(notes.findAll()).containsExactly("a", "b");
            assertThat(buffer.getAll()).extracting(metric -> metric.metadata().get("outcome"))
                    .containsExactly("error", "error", "error", "success");
            assertThat(buffer.getOperationStats()).filteredOn(stats -> stats.operationName().equals("NoteRepository.failWith"))
                    .singleElement().satisfies(stats -> {
                        assertThat(stats.count()).isEqualTo(3);
                        assertThat(stats.errorCount()).isEqualTo(3);
                    });
        }
    }

    @Nested
    @DisplayName("failures")
    class Failures {

        @Test
        void theSameRuntimeExceptionInstanceIsRethrownAndRecorded() {
            IllegalStateException failure = new IllegalStateException("boom");
            assertThatThrownBy(() -> notes.failWith(failure)).isSameAs(failure);
            assertThat(only().metadata()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "outcome", "error", "exception", IllegalStateException.class.getName()));
            assertThat(buffer.getOperationStats().get(0).errorCount()).isEqualTo(1);
        }

        @Test
        void checkedExceptionsPassThroughUnwrapped() {
            assertThatThrownBy(() -> notes.failChecked()).isExactlyInstanceOf(IOException.class).hasMessage("disk gone");
            assertThat(only().metadata()).containsEntry("exception", IOException.class.getName());
        }
    }

    @Nested
    @DisplayName("completion stages")
    class Stages {

        @Test
        void areTimedUntilTheyComplete() {
            CompletableFuture<String> completion = new CompletableFuture<>();
            CompletionStage<String> stage = notes.later(completion);
            assertThat(stage).isSameAs(completion);
            assertThat(buffer.getAll()).isEmpty();

            completion.complete("done");
            assertThat(only().operationName()).isEqualTo("NoteRepository.later");
            assertThat(only().metadata()).containsEntry("outcome", "success");
        }

        @Test
        @DisplayName("calls sharing one pending stage cost only the stage's own completion actions, all recorded when it completes")
        void manyCallsOnOnePendingStage() {
            CompletableFuture<String> shared = new CompletableFuture<>();
            notes.later(shared); // warms the path
            int calls = 10_000;
            long bytes = Allocations.byCurrentThread(() -> {
                for (int i = 0; i < calls; i++) {
                    notes.later(shared);
                }
            });
            // Weld's own interception allocates about 300 B a call; each pending call adds one completion action to
            // the stage (held by the stage, dropped when it completes) and the library keeps nothing else.
            assertThat(bytes / calls).as("bytes per pending call").isLessThan(1024);
            assertThat(buffer.getOperationStats()).isEmpty();
            shared.complete("done");
            assertThat(buffer.getOperationStats()).singleElement()
                    .extracting(OperationStats::count).isEqualTo(calls + 1L);
        }

        @Test
        void recordTheCauseOfAFailedStage() {
            CompletableFuture<String> completion = new CompletableFuture<>();
            CompletionStage<String> stage = notes.later(completion);
            completion.completeExceptionally(new ArithmeticException("late"));
            assertThat(only().metadata()).containsEntry("outcome", "error")
                    .containsEntry("exception", ArithmeticException.class.getName());
            assertThat(stage.toCompletableFuture()).isCompletedExceptionally();
        }

        @Test
        @DisplayName("a stage failing with wrappers that are each other's cause is recorded, and its completion returns")
        void aCauseChainThatLoopsEndsTheCompletion() throws Exception {
            CompletionException outer = new LoopingWrapper("outer");
            CompletionException inner = new CompletionException("inner", outer);
            outer.initCause(inner); // legal: Throwable refuses only itself as its own cause
            CompletableFuture<String> completion = new CompletableFuture<>();
            CompletionStage<String> stage = notes.later(completion);

            // The dependent actions run on the completing thread: that thread must come back.
            Thread completing = new Thread(() -> completion.completeExceptionally(outer), "completing");
            completing.setDaemon(true);
            completing.start();
            completing.join(5_000);

            assertThat(completing.isAlive()).as("the completing thread still runs the recording after 5 s").isFalse();
            assertThat(stage.toCompletableFuture()).isCompletedExceptionally();
            assertThat(only().metadata()).containsEntry("outcome", "error")
                    .containsEntry("exception", LoopingWrapper.class.getName());
        }
    }

    /** A wrapper whose cause is set after it is made, as {@link Throwable#initCause} allows. */
    static final class LoopingWrapper extends CompletionException {
        private static final long serialVersionUID = 1L;

        LoopingWrapper(String message) {
            super(message);
        }
    }

    @Test
    void usersRecordByHandWithMetadata() {
        manual.query("select * from note", 4.0);
        Metric metric = only();
        assertThat(metric.operationName()).isEqualTo("raw query");
        assertThat(metric.metadata()).containsExactly(Map.entry("sql", "select * from note"));
    }

    @Test
    void theInjectedBufferIsConfiguredFromDefaults() {
        assertThat(buffer.getMaxSize()).isEqualTo(1000);
        assertThat(buffer.getSlowThresholdMs()).isEqualTo(1000);
        List<Metric> none = buffer.getAll();
        assertThat(none).isEmpty();
    }
}
