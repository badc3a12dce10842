package io.measured;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Several writers and readers at once: the bound holds, counts are exact, snapshots are consistent. */
class MetricsBufferConcurrencyTest {

    private static final int WRITERS = 4;
    private static final int CALLS_PER_WRITER = 50_000;

    @Test
    void writersAndReadersTogether() throws Exception {
        MetricsBuffer buffer = new MetricsBuffer(500, Map.of(OperationType.HTTP, 0.5));
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < CALLS_PER_WRITER; i++) {
                        OperationType type = OperationType.values()[i % 3];
                        Map<String, String> outcome = i % 10 == 0 ? Map.of("outcome", "error") : Map.of("outcome", "success");
                        buffer.record(type, "op" + (i % 7), writer + i % 100, outcome);
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    while (writing.get()) {
                        checkSnapshot(buffer, violations);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(violations).isEmpty();
        assertThat(buffer.getAll()).hasSize(500);
        long total = buffer.getOperationStats().stream().mapToLong(OperationStats::count).sum();
        long errors = buffer.getOperationStats().stream().mapToLong(OperationStats::errorCount).sum();
        assertThat(total).isEqualTo((long) WRITERS * CALLS_PER_WRITER);
        assertThat(errors).isEqualTo((long) WRITERS * CALLS_PER_WRITER / 10);
        assertThat(buffer.getOperationStats()).hasSize(21);
        // The readers folded rows in while writers were mid-write; once quiet, nothing is missed or counted twice.
        assertStatisticsMatch(buffer.getStats(), buffer.getAll());
    }

    @Test
    void statisticsMatchTheContentsAfterWritesReadsAndClearsRaced() throws Exception {
        MetricsBuffer buffer = new MetricsBuffer(400);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < CALLS_PER_WRITER; i++) {
                        buffer.record(OperationType.values()[(i + writer) % 3], "op", (i % 1000) * 0.25);
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                while (writing.get()) {
                    buffer.getStats();
                }
                return null;
            });
            Future<?> clearer = pool.submit(() -> {
                while (writing.get()) {
                    buffer.clear();
                    Thread.sleep(1);
                }
                return null;
            });
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            reader.get(60, TimeUnit.SECONDS);
            clearer.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 30; i++) {
            buffer.record(OperationType.values()[i % OperationType.values().length], "op", i); // every type present after the last clear
        }
        assertStatisticsMatch(buffer.getStats(), buffer.getAll());
    }

    private static void assertStatisticsMatch(MetricsStats stats, List<Metric> contents) {
        assertThat(stats.totalCount()).isEqualTo(contents.size());
        for (OperationType type : OperationType.values()) {
            double[] sorted = contents.stream().filter(m -> m.operationType() == type)
                    .mapToDouble(Metric::durationMs).sorted().toArray();
            TypeStats actual = stats.byType().get(type);
            assertThat(actual.count()).as(type.key()).isEqualTo(sorted.length);
            if (sorted.length == 0) {
                assertThat(actual).as(type.key()).isEqualTo(TypeStats.EMPTY);
                continue;
            }
            assertThat(actual.minDurationMs()).as(type.key()).isEqualTo(sorted[0]);
            assertThat(actual.p50DurationMs()).as(type.key()).isEqualTo(sorted[(int) Math.ceil(0.5 * sorted.length) - 1]);
            assertThat(actual.maxDurationMs()).as(type.key()).isEqualTo(sorted[sorted.length - 1]);
        }
    }

    private static void checkSnapshot(MetricsBuffer buffer, ConcurrentLinkedQueue<String> violations) {
        List<Metric> all = buffer.getAll();
        if (all.size() > buffer.getMaxSize()) {
            violations.add("snapshot of " + all.size() + " exceeds " + buffer.getMaxSize());
        }
        List<Metric> recent = buffer.getRecent(50);
        if (recent.size() > 50) {
            violations.add("recent(50) returned " + recent.size());
        }
        violations.addAll(StatsInvariants.violations(buffer.getStats()));
        for (OperationStats operation : buffer.getOperationStats()) {
            if (operation.errorCount() > operation.count()) {
                violations.add("more errors than calls: " + operation);
            }
        }
    }
}
