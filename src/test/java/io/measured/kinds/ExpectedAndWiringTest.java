package io.measured.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.measured.MeasuredWeldTest;
import io.measured.Metric;
import io.measured.MetricsBuffer;
import io.measured.OperationStats;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.InputMismatchException;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeoutException;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Exceptions of normal flow count as successes; producers and disposers of a class-bound bean are not timed. */
@MeasuredWeldTest
@AddBeanClasses({ExpectedFailuresBean.class, WiringBean.class})
class ExpectedAndWiringTest {

    @Inject
    MetricsBuffer buffer;

    @BeforeAll
    static void configureExpected() {
        System.setProperty("measured.errors.expected", "java.util.concurrent.TimeoutException");
    }

    @AfterAll
    static void clearExpected() {
        System.clearProperty("measured.errors.expected");
    }

    private Metric only() {
        assertThat(buffer.getAll()).hasSize(1);
        return buffer.getAll().get(0);
    }

    private OperationStats stats(String operation) {
        return buffer.getOperationStats().stream().filter(s -> s.operationName().equals(operation)).findFirst()
                .orElseThrow(() -> new AssertionError("no statistics for " + operation + " in " + buffer.getOperationStats()));
    }

    @Nested
    @DisplayName("expected exceptions")
    class Expected {

        @Inject
        ExpectedFailuresBean repository;

        @Test
        @DisplayName("a listed exception is rethrown as it is, recorded as outcome=expected and counted as a success")
        void aListedExceptionIsASuccess() {
            NoSuchElementException notFound = new NoSuchElementException("no such note");
            assertThatThrownBy(() -> repository.find(notFound)).isSameAs(notFound);
            assertThat(only().metadata()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("outcome", "expected", "exception", NoSuchElementException.class.getName()));
            assertThat(stats("ExpectedFailuresBean.find")).satisfies(s -> {
                assertThat(s.count()).isEqualTo(1);
                assertThat(s.errorCount()).isZero();
            });
        }

        @Test
        void aSubclassOfAListedExceptionIsExpectedToo() {
            assertThatThrownBy(repository::findMismatch).isInstanceOf(InputMismatchException.class);
            assertThat(only().metadata()).containsEntry("outcome", "expected")
                    .containsEntry("exception", InputMismatchException.class.getName());
            assertThat(stats("ExpectedFailuresBean.findMismatch").errorCount()).isZero();
        }

        @Test
        void anUnlistedExceptionIsStillAnError() {
            IllegalArgumentException bad = new IllegalArgumentException("bad id");
            assertThatThrownBy(() -> repository.find(bad)).isSameAs(bad);
            assertThat(only().metadata()).containsEntry("outcome", "error");
            assertThat(stats("ExpectedFailuresBean.find").errorCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("a method-level annotation's list replaces the class-level one")
        void theMethodLevelListWinsWhole() {
            assertThatThrownBy(() -> repository.decide(new IllegalStateException("declined"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> repository.decide(new NoSuchElementException("gone"))).isInstanceOf(NoSuchElementException.class);
            assertThat(buffer.getAll()).extracting(m -> m.metadata().get("outcome")).containsExactly("expected", "error");
            assertThat(stats("ExpectedFailuresBean.decide").errorCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("measured.errors.expected applies to every binding, checked exceptions included")
        void theSettingAppliesToEveryBinding() {
            assertThatThrownBy(repository::waitFor).isInstanceOf(TimeoutException.class);
            assertThat(only().metadata()).containsEntry("outcome", "expected")
                    .containsEntry("exception", TimeoutException.class.getName());
            assertThat(stats("ExpectedFailuresBean.waitFor").errorCount()).isZero();
        }
    }

    @Nested
    @DisplayName("producers and disposers of a class-bound bean")
    class Wiring {

        @Inject
        WiringBean wiring;

        @Inject
        Instance<WiringBean.Greeting> greetings;

        @Inject
        Instance<WiringBean.Farewell> farewells;

        @Test
        @DisplayName("are not timed; its business methods are")
        void areNotTimed() {
            for (int i = 0; i < 5; i++) {
                WiringBean.Greeting greeting = greetings.get();
                assertThat(greeting.text()).isEqualTo("hello");
                greetings.destroy(greeting);
            }
            assertThat(wiring.disposedCount()).isEqualTo(5);
            assertThat(wiring.work()).isEqualTo("worked");
            // Five productions and five disposals ran; only the two business calls were recorded.
            assertThat(buffer.getAll()).extracting(Metric::operationName)
                    .containsExactly("WiringBean.disposedCount", "WiringBean.work");
        }

        @Test
        @DisplayName("a producer bound at method level is timed")
        void aMethodBoundProducerIsTimed() {
            assertThat(farewells.get().text()).isEqualTo("bye");
            assertThat(buffer.getAll()).extracting(Metric::operationName).containsExactly("WiringBean.farewell");
        }
    }
}
