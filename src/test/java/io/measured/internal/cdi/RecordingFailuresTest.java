package io.measured.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecordingFailuresTest {

    private final RecordingFailures failures = new RecordingFailures();
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(RecordingFailures.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    @Test
    @DisplayName("a container that refuses the buffer as the application stops: one INFO line, no failure counted")
    void anEndedContainerIsNoFailure() {
        for (int i = 0; i < 3; i++) {
            failures.report("Heartbeat.beat", new IllegalStateException("ArC container not initialized: already shut down"));
        }
        assertThat(failures.count()).isZero();
        assertThat(failures.endedCount()).isEqualTo(3);
        assertThat(logged).singleElement().satisfies(record -> {
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
        assertThat(logged).hasSize(2).allSatisfy(record -> assertThat(record.getLevel()).isEqualTo(Level.WARNING));
        assertThat(logged.get(0).getThrown()).isInstanceOf(ArithmeticException.class);
    }
}
