package io.measured.internal.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.MutableClock;
import io.measured.internal.stats.History;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Closing a history slot, which sums every operation, never holds up a recording call. */
class HistoryClosingTest {

    private static final int OPERATIONS = 100_000;
    private static final int SERVICE = 3;

    private static BufferCore core(Clock clock, int maxOperations) {
        double[] rates = {1.0, 1.0, 1.0, 1.0};
        return new BufferCore(1000, rates, maxOperations, 256, Double.POSITIVE_INFINITY, clock,
                List.of(0.001, 0.01, 0.1), "other");
    }

    @Test
    @DisplayName("records complete while the history's lock is held, as it is for a whole close")
    void recordsCompleteWhileTheHistoryIsLocked() throws Exception {
        BufferCore core = core(Clock.systemUTC(), 1000);
        Site site = core.site(SERVICE, "Booking.book");
        History history = core.history();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            synchronized (history) {
                for (int w = 0; w < 2; w++) {
                    int writer = w;
                    done.add(writers.submit(() -> {
                        for (int i = 0; i < 10_000; i++) {
                            long now = System.nanoTime();
                            core.recordCall(site, now - 1_000, now, java.util.Map.of(), false, false);
                            core.record(SERVICE, "new-" + writer + "-" + (i % 50), 0.5, java.util.Map.of(), false, false);
                        }
                    }));
                }
                for (Future<?> writer : done) {
                    writer.get(60, TimeUnit.SECONDS); // the lock is still held here
                }
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(core.operations().snapshot()).filteredOn(s -> s.name().equals("Booking.book"))
                .singleElement().satisfies(s -> assertThat(s.calls()).isEqualTo(20_000));
    }

    @Test
    @DisplayName("a slot closing over 100,000 operations while two threads record: every record counted, the longest printed")
    void aLargeCloseWhileRecording() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        BufferCore core = core(clock, OPERATIONS);
        for (int i = 0; i < OPERATIONS; i++) {
            core.record(SERVICE, "operation-" + i, 0.1, java.util.Map.of(), false, false);
        }
        History history = core.history();
        history.slots(); // opens the first slot
        Site site = core.site(SERVICE, "operation-0");

        long closeStart = System.nanoTime();
        long[] closing = whileRecording(core, site, () -> {
            clock.advance(Duration.ofSeconds(10));
            assertThat(history.slots()).hasSize(1); // closes the slot: sums every operation
        });
        long closeNanos = System.nanoTime() - closeStart;
        long[] idle = whileRecording(core, site, () -> sleepNanos(closeNanos));
        System.out.printf("history close over %,d operations: %.1f ms; while it ran, %,d records, the longest %.3f ms;"
                + " for as long without a close, %,d records, the longest %.3f ms%n", OPERATIONS, closeNanos / 1e6,
                closing[0], closing[1] / 1e6, idle[0], idle[1] / 1e6);
        long expected = closing[0] + idle[0] + 1;
        assertThat(core.operations().snapshot()).filteredOn(s -> s.name().equals("operation-0"))
                .singleElement().satisfies(s -> assertThat(s.calls()).isEqualTo(expected));
    }

    /** Two threads record until {@code action} is done; returns how many records and the longest, in ns. */
    private static long[] whileRecording(BufferCore core, Site site, Runnable action) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(2);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<long[]>> done = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                done.add(writers.submit(() -> {
                    long longest = 0;
                    long records = 0;
                    started.countDown();
                    while (running.get()) {
                        long start = System.nanoTime();
                        core.recordCall(site, start - 1_000, start, java.util.Map.of(), false, false);
                        longest = Math.max(longest, System.nanoTime() - start);
                        records++;
                    }
                    return new long[] {records, longest};
                }));
            }
            started.await();
            action.run();
            running.set(false);
            long[] total = new long[2];
            for (Future<long[]> writer : done) {
                long[] result = writer.get(60, TimeUnit.SECONDS);
                total[0] += result[0];
                total[1] = Math.max(total[1], result[1]);
            }
            return total;
        } finally {
            writers.shutdownNow();
        }
    }

    private static void sleepNanos(long nanos) {
        java.util.concurrent.locks.LockSupport.parkNanos(nanos);
    }
}
