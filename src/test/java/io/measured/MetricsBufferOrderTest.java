package io.measured;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The buffer's ordering contract under concurrency: whatever the writers' relative pace, each
 * thread's kept records are a contiguous suffix of what it wrote, in its own order, and once the
 * writers stop the buffer holds exactly {@code min(records, maxSize)}.
 */
@DisplayName("newest records kept in order, under concurrency")
class MetricsBufferOrderTest {

    /**
     * @param fast writers recording as fast as they can
     * @param slowPauseMicros the pause of one more writer between its records, while the fast ones run
     */
    @ParameterizedTest(name = "size {0}, {1} fast writers x {2}, one writer pausing {3} us")
    @CsvSource({
        "1000, 3, 20000, 200",
        "1000, 4, 20000, 0",
        "7, 3, 5000, 50",
        "1, 2, 5000, 20",
        "64, 6, 3000, 10",
    })
    void everyThreadKeepsItsNewestRecordsInOrder(int maxSize, int fast, int perWriter, int slowPauseMicros)
            throws Exception {
        MetricsBuffer buffer = new MetricsBuffer(maxSize);
        int writers = fast + 1;
        long[] written = new long[writers];
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                boolean slow = w == fast;
                done.add(pool.submit(() -> {
                    start.await();
                    int count = slow ? Math.max(1, perWriter / 100) : perWriter;
                    for (int n = 0; n < count; n++) {
                        buffer.record(OperationType.DATABASE, "w" + writer, 1.0,
                                Map.of("w", Integer.toString(writer), "n", Integer.toString(n)));
                        written[writer] = n + 1L;
                        if (slow && slowPauseMicros > 0) {
                            LockSupport.parkNanos(slowPauseMicros * 1_000L);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Metric> all = buffer.getAll();
        long total = 0;
        for (long count : written) {
            total += count;
        }
        assertThat(all).hasSize((int) Math.min(total, maxSize));
        assertThat(buffer.size()).isEqualTo(all.size());
        Map<Integer, List<Integer>> keptByWriter = new HashMap<>();
        for (Metric metric : all) {
            keptByWriter.computeIfAbsent(Integer.parseInt(metric.metadata().get("w")), w -> new ArrayList<>())
                    .add(Integer.parseInt(metric.metadata().get("n")));
        }
        keptByWriter.forEach((writer, kept) -> {
            int last = (int) written[writer] - 1;
            int first = last - kept.size() + 1;
            List<Integer> suffix = new ArrayList<>();
            for (int n = first; n <= last; n++) {
                suffix.add(n);
            }
            assertThat(kept).as("records kept of writer %d, which wrote 0..%d", writer, last).isEqualTo(suffix);
        });
        List<Metric> recent = buffer.getRecent(all.size());
        List<Metric> reversed = new ArrayList<>(all);
        java.util.Collections.reverse(reversed);
        assertThat(recent).isEqualTo(reversed);
        assertThat(buffer.getStats().totalCount()).isEqualTo(all.size());
        assertThat(buffer.getOperationStats().stream().mapToLong(OperationStats::count).sum()).isEqualTo(total);
    }
}
