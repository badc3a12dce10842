package io.measured.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.LoggedRecords;
import java.util.logging.Level;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RecordingFailuresTest {

    private final RecordingFailures failures = new RecordingFailures();
    @RegisterExtension
    final LoggedRecords logs = LoggedRecords.of(RecordingFailures.class);

    @Test
    @DisplayName("a container that refuses the buffer as the application stops: one INFO line, no failure counted")
    void anEndedContainerIsNoFailure() {
        for (int i = 0; i < 3; i++) {
            failures.report("Heartbeat.beat", new IllegalStateException("ArC container not initialized: already shut down"));
        }
        assertThat(failures.count()).isZero();
        assertThat(failures.endedCount()).isEqualTo(3);
        assertThat(logs.all()).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.INFO);
            assertThat(record.getThrown()).isNull();
        });
    }

    @Test
    @DisplayName("any other failure: a WARNING with its stack the first time, then one line per thousand")
    void otherFailuresWarn() {
        for (int i = 0; i < 1000; i++) {
            failures.report("Booking.book", new ArithmeticException("broken"));
        }
        assertThat(failures.count()).isEqualTo(1000);
        assertThat(logs.all()).hasSize(2).allSatisfy(record -> assertThat(record.getLevel()).isEqualTo(Level.WARNING));
        assertThat(logs.all().get(0).getThrown()).isInstanceOf(ArithmeticException.class);
    }
}
