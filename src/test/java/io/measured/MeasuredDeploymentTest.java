package io.measured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.measured.internal.cdi.RecordingFailures;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What happens when a container starts: validation, per-container settings, pass-through, failure isolation. */
class MeasuredDeploymentTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty("measured.sampling.rates");
        System.clearProperty("measured.buffer.size");
    }

    @Test
    @DisplayName("an unknown key fails the deployment, naming the key, the value and the nearest key")
    void unknownKeyFailsDeployment() {
        assertThatThrownBy(() -> MeasuredContainers.start(Map.of("measured.sampling.rates", "0.5"), NoteRepository.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("measured.sampling.rates")
                .hasMessageContaining("0.5")
                .hasMessageContaining("did you mean 'measured.sampling.rate'");
    }

    @Test
    @DisplayName("an expected exception class the application cannot load, or that is no exception, fails the deployment")
    void unloadableExpectedClassFailsDeployment() {
        assertThatThrownBy(() -> MeasuredContainers.start(Map.of("measured.errors.expected",
                "com.example.NoSuchException, java.lang.String,java.util.NoSuchElementException")))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("measured.errors.expected names 'com.example.NoSuchException', which the application cannot load")
                .hasMessageContaining("measured.errors.expected names 'java.lang.String', which is not an exception")
                .hasMessageNotContaining("'java.util.NoSuchElementException'");
        assertThatThrownBy(() -> MeasuredContainers.start(Map.of("measured.errors.expected", "not a class")))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("measured.errors.expected='not a class' is not valid: 'not a class' is not a class name");
    }

    @Test
    void invalidValueFailsDeployment() {
        assertThatThrownBy(() -> MeasuredContainers.start(Map.of("measured.buffer.size", "0")))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("measured.buffer.size='0'")
                .hasMessageContaining("1 .. 1000000");
    }

    @Test
    @DisplayName("a system property typo fails the deployment when the real sources are read")
    void systemPropertyTypoFailsDeployment() {
        System.setProperty("measured.sampling.rates", "0.5");
        assertThatThrownBy(() -> MeasuredContainers.startReadingRealSources(NoteRepository.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("measured.sampling.rates");
    }

    @Test
    @DisplayName("containers started one after the other each see their own settings")
    void noSettingsSurviveAContainer() {
        System.setProperty("measured.buffer.size", "5");
        try (WeldContainer first = MeasuredContainers.startReadingRealSources(NoteRepository.class)) {
            assertThat(first.select(MetricsBuffer.class).get().getMaxSize()).isEqualTo(5);
        }
        System.setProperty("measured.buffer.size", "7");
        try (WeldContainer second = MeasuredContainers.startReadingRealSources(NoteRepository.class)) {
            MetricsBuffer buffer = second.select(MetricsBuffer.class).get();
            assertThat(buffer.getMaxSize()).isEqualTo(7);
            assertThat(buffer.getAll()).isEmpty();
        }
    }

    @Test
    void disabledMeansPassThrough() {
        try (WeldContainer container = MeasuredContainers.start(Map.of("measured.enabled", "false"), NoteRepository.class)) {
            NoteRepository notes = container.select(NoteRepository.class).get();
            IllegalStateException failure = new IllegalStateException("still thrown");
            assertThat(notes.findAll()).containsExactly("a", "b");
            assertThatThrownBy(() -> notes.failWith(failure)).isSameAs(failure);
            MetricsBuffer buffer = container.select(MetricsBuffer.class).get();
            assertThat(buffer.getAll()).isEmpty();
            assertThat(buffer.getOperationStats()).isEmpty();
        }
    }

    @Test
    void samplingSkipsFastCallsButKeepsSlowOnes() throws InterruptedException {
        Map<String, String> settings = Map.of("measured.sampling.rate.database", "0", "measured.slow.threshold-ms", "15");
        try (WeldContainer container = MeasuredContainers.start(settings, NoteRepository.class)) {
            NoteRepository notes = container.select(NoteRepository.class).get();
            notes.findAll();
            notes.sleep(20);
            MetricsBuffer buffer = container.select(MetricsBuffer.class).get();
            assertThat(buffer.getAll()).extracting(Metric::operationName).containsExactly("NoteRepository.sleep");
            assertThat(buffer.getOperationStats()).extracting(OperationStats::count).containsExactly(1L, 1L);
        }
    }

    @Test
    @DisplayName("a failing recorder never changes the business call's result or exception")
    void recordingFailuresNeverReachTheCaller() {
        try (WeldContainer container = MeasuredContainers.start(Map.of(), NoteRepository.class,
                ExplodingBufferProducer.class)) {
            NoteRepository notes = container.select(NoteRepository.class).get();
            assertThat(notes.findAll()).containsExactly("a", "b");
            IllegalArgumentException failure = new IllegalArgumentException("business failure");
            assertThatThrownBy(() -> notes.failWith(failure)).isSameAs(failure);
            assertThat(container.select(RecordingFailures.class).get().count()).isEqualTo(2);

            java.util.concurrent.CompletableFuture<String> completion = new java.util.concurrent.CompletableFuture<>();
            java.util.concurrent.CompletionStage<String> stage = notes.later(completion);
            completion.complete("done");
            assertThat(stage.toCompletableFuture().join()).isEqualTo("done");
            assertThat(container.select(RecordingFailures.class).get().count())
                    .as("a failure to record a completed stage is reported, not passed on").isEqualTo(3);
        }
    }
}
