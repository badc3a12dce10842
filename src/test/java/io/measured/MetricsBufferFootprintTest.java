package io.measured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.measured.internal.buffer.BufferCore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Memory: what a buffer takes, and reads that allocate in proportion to their answer. */
class MetricsBufferFootprintTest {

    @Nested
    @DisplayName("the largest size")
    class LargestSize {

        @Test
        void isAcceptedByTheBuilder() {
            assertThatCode(() -> MetricsBuffer.builder().maxSize(MetricsBuffer.LARGEST_MAX_SIZE)).doesNotThrowAnyException();
        }

        @Test
        void fitsTheHeapItsJavadocStates() {
            // "at most 58 bytes of heap per metric of capacity ...: 580 MB at this size, 58 KB at the default"
            assertThat(BufferCore.bytesFor(1)).isEqualTo(58);
            assertThat(BufferCore.bytesFor(MetricsBuffer.LARGEST_MAX_SIZE)).isEqualTo(580_000_000L);
            assertThat(BufferCore.bytesFor(MetricsBuffer.DEFAULT_MAX_SIZE)).isEqualTo(58_000L);
        }
    }

    @Nested
    @DisplayName("a tracked operation")
    class TrackedOperation {

        private static final int OPERATIONS = 2_000;
        private final MetricsBuffer buffer = MetricsBuffer.builder().maxSize(1).maxOperations(OPERATIONS).build();

        @Test
        void costsAtMost3KilobytesRecordedByOneThread() {
            buffer.record(OperationType.SERVICE, "warm-up", 1.0);
            long bytes = Allocations.byCurrentThread(() -> {
                for (int i = 0; i < OPERATIONS - 1; i++) {
                    buffer.record(OperationType.SERVICE, NAMES[i], 1.0);
                }
            });
            assertThat(bytes / (OPERATIONS - 1)).as("bytes per operation").isLessThanOrEqualTo(3_072);
        }

        @Test
        void costsAtMost12KilobytesRecordedByEightThreadsAtOnce() throws Exception {
            buffer.record(OperationType.SERVICE, "warm-up", 1.0);
            long bytes = Allocations.byAllThreads(() -> {
                ExecutorService pool = Executors.newFixedThreadPool(8);
                try {
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<?>> writers = new ArrayList<>();
                    for (int w = 0; w < 8; w++) {
                        writers.add(pool.submit(() -> {
                            start.await();
                            for (int round = 0; round < 20; round++) {
                                for (int i = 0; i < OPERATIONS - 1; i++) {
                                    buffer.record(OperationType.SERVICE, NAMES[i], 1.0);
                                }
                            }
                            return null;
                        }));
                    }
                    start.countDown();
                    for (Future<?> writer : writers) {
                        writer.get(60, TimeUnit.SECONDS);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    pool.shutdownNow();
                }
            });
            assertThat(buffer.getOperationStats().stream().mapToLong(OperationStats::count).sum())
                    .isEqualTo(1 + 8 * 20 * (OPERATIONS - 1L));
            assertThat(bytes / (OPERATIONS - 1)).as("bytes per operation").isLessThanOrEqualTo(12_288);
        }
    }

    private static final String[] NAMES = names(2_000);

    private static String[] names(int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = "Service.op" + i;
        }
        return names;
    }

    @Nested
    @DisplayName("reads of a full 1,000,000-entry buffer")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Reads {

        private static final int SIZE = 1_000_000;
        private final MetricsBuffer buffer = new MetricsBuffer(SIZE);

        @BeforeAll
        void fill() {
            for (int i = 0; i < SIZE + 10; i++) {
                buffer.record(OperationType.DATABASE, "NoteRepository.findAll", i % 100);
            }
            buffer.record(OperationType.RENDER, "page", 5_000);
            // Warm the read paths so the counts below see compiled code, not first-call class loading.
            for (int i = 0; i < 3; i++) {
                buffer.getRecent(1);
                buffer.getByType(OperationType.HTTP);
                buffer.getSlowOperations(4_000, null);
            }
        }

        @Test
        void recentOfOneAllocatesOneMetricsWorth() {
            AtomicReference<List<Metric>> recent = new AtomicReference<>();
            long bytes = Allocations.byCurrentThread(() -> recent.set(buffer.getRecent(1)));
            assertThat(recent.get()).extracting(Metric::operationName).containsExactly("page");
            assertThat(bytes).as("bytes allocated by getRecent(1)").isLessThan(2_000);
        }

        @Test
        void aFilterMatchingOneRowAllocatesOneMetricsWorth() {
            AtomicReference<List<Metric>> slow = new AtomicReference<>();
            long bytes = Allocations.byCurrentThread(() -> slow.set(buffer.getSlowOperations(4_000, null)));
            assertThat(slow.get()).hasSize(1);
            assertThat(bytes).as("bytes allocated by getSlowOperations").isLessThan(2_000);
            long byType = Allocations.byCurrentThread(() -> buffer.getByType(OperationType.HTTP));
            assertThat(byType).as("bytes allocated by getByType of an absent type").isLessThan(1_000);
        }
    }
}
