package io.measured.internal.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.measured.Metric;
import io.measured.OperationType;
import io.measured.internal.stats.BucketBounds;
import io.measured.internal.stats.OperationCounter;
import io.measured.internal.stats.OperationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripedRingTest {

    private static Metric metric(int n) {
        return new Metric(OperationType.values()[n % 3], "op" + n, Instant.ofEpochMilli(n), n, 7, Map.of("n", "" + n));
    }

    /** Tracks 50 names, so rows of both tracked and overflow operations (which keep their own names) are written. */
    private static final OperationRegistry OPERATIONS = new OperationRegistry(50, "other",
            new BucketBounds(List.of(0.1)));

    private static StripedRing ring(int capacity, int maxStripes) {
        return new StripedRing(capacity, maxStripes, 7, OPERATIONS);
    }

    private static void add(StripedRing ring, Metric m) {
        add(ring, m, System.nanoTime());
    }

    private static void add(StripedRing ring, Metric m, long nanoTime) {
        OperationCounter counter = OPERATIONS.counterFor(m.operationType(), m.operationName());
        long code = RowCode.withMetadata(RowCode.operation(OPERATIONS, counter, m.operationName()), m.metadata());
        ring.add(code, RowCode.extra(code, m.operationName(), m.metadata()), m.timestamp().toEpochMilli(),
                nanoTime, m.durationMs());
    }

    @Test
    void keepsTheLastCapacityInOrderAgainstAReferenceModel() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int capacity = 1 + random.nextInt(20);
            StripedRing ring = ring(capacity, 1 << random.nextInt(4));
            List<Metric> model = new ArrayList<>();
            int operations = random.nextInt(100);
            for (int i = 0; i < operations; i++) {
                if (random.nextInt(10) == 0) {
                    ring.clear();
                    model.clear();
                } else {
                    Metric metric = metric(i);
                    add(ring, metric);
                    model.add(metric);
                    if (model.size() > capacity) {
                        model.remove(0);
                    }
                }
                assertThat(ring.snapshot()).containsExactlyElementsOf(model);
                assertThat(ring.size()).isEqualTo(model.size());
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void concurrentReadersNeverSeeATornRow() throws Exception {
        StripedRing ring = ring(8, 4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 200_000; i++) {
                        Metric m = metric(i);
                        add(ring, m);
                    }
                }));
            }
            Future<Integer> reader = pool.submit(() -> {
                int checked = 0;
                int rounds = 0;
                while (writing.get()) {
                    for (Metric m : ring.snapshot()) {
                        int n = (int) m.durationMs();
                        // Every field of a row comes from the same write.
                        assertThat(m.operationName()).isEqualTo("op" + n);
                        assertThat(m.operationType()).isEqualTo(OperationType.values()[n % 3]);
                        assertThat(m.timestamp().toEpochMilli()).isEqualTo(n);
                        assertThat(m.metadata()).containsExactly(Map.entry("n", "" + n));
                        checked++;
                    }
                    if (++rounds % 10 == 0) {
                        ring.clear(); // erasing races with writers and readers too
                    }
                }
                return checked;
            });
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            assertThat(ring.snapshot().size()).isLessThanOrEqualTo(8);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "writes {0} ns apart")
    @ValueSource(longs = {1_000, 0})
    void writersRecordingAtOnceKeepToStripesOfTheirOwn(long apart) throws Exception {
        StripedRing ring = ring(8, 4); // 4 stripes of 2 rows
        ExecutorService a = Executors.newSingleThreadExecutor();
        ExecutorService b = Executors.newSingleThreadExecutor();
        long start = System.nanoTime();
        try {
            // Given times, so no stripe looks idle whatever the machine's pace; equal times too,
            // as a caller's clock may give.
            for (int i = 0; i < 16; i++) {
                int n = i;
                a.submit(() -> add(ring, named("a", n), start + 2 * apart * n)).get();
                b.submit(() -> add(ring, named("b", n), start + 2 * apart * n + apart)).get();
            }
        } finally {
            a.shutdownNow();
            b.shutdownNow();
        }
        for (MetricRing stripe : ring.stripes()) {
            List<MetricRing.Row> rows = new ArrayList<>();
            stripe.collect(rows);
            assertThat(rows).hasSize(2);
            assertThat(rows.stream().map(row -> RowCode.toMetric(row, OPERATIONS, 7).operationName()).distinct())
                    .as("writers of one stripe").hasSize(1);
        }
        assertThat(ring.snapshot()).extracting(Metric::operationName).containsOnly("a", "b").hasSize(8);
    }

    private static void addAll(StripedRing ring, List<Metric> metrics, long firstNanoTime) {
        for (int i = 0; i < metrics.size(); i++) {
            add(ring, metrics.get(i), firstNanoTime + i);
        }
    }

    @ParameterizedTest(name = "{0} ns after another thread's last row")
    @ValueSource(longs = {10, StripedRing.IDLE_NANOS + 10})
    void aThreadAloneHoldsExactlyItsLastRowsRightAfterAnotherAndOnceItIsIdle(long gap) throws Exception {
        StripedRing ring = ring(8, 4);
        long start = System.nanoTime();
        List<Metric> others = List.of(named("other", 0), named("other", 1), named("other", 2));
        Thread other = new Thread(() -> addAll(ring, others, start));
        other.start();
        other.join();
        List<Metric> mine = IntStream.range(0, 20).mapToObj(i -> named("mine", i)).toList();

        addAll(ring, mine, start + gap);

        assertThat(ring.snapshot()).containsExactlyElementsOf(mine.subList(12, 20));
    }

    private static Metric named(String name, int n) {
        return new Metric(OperationType.DATABASE, name, Instant.ofEpochMilli(n), n, 7, Map.of());
    }

    /** A thread whose id maps to the same lane as {@code owner}'s (lanes are chosen by id modulo 64). */
    private static Thread laneMate(Thread owner, Runnable task) {
        while (true) {
            Thread candidate = new Thread(task);
            if ((candidate.getId() - owner.getId()) % 64 == 0) {
                return candidate;
            }
        }
    }

    @Test
    void threadsWhoseIdsShareALaneEachKeepTheirOwnRuns() throws Exception {
        StripedRing ring = ring(64, 4); // 4 stripes of 16 rows
        List<Metric> written = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            written.add(metric(i));
        }
        long start = System.nanoTime();
        Thread owner = new Thread(() -> addAll(ring, written.subList(0, 5), start));
        owner.start();
        owner.join();
        // Writes 1 ns apart: the owner is never idle, so its lane stays its own and the mates use spare lanes.
        Thread mate = laneMate(owner, () -> addAll(ring, written.subList(5, 11), start + 5));
        mate.start();
        mate.join();
        Thread third = laneMate(owner, () -> addAll(ring, written.subList(11, 16), start + 11));
        third.start();
        third.join();

        // Each thread ran in a stripe of its own: none continued another's run.
        assertThat(ends(ring)).containsExactlyInAnyOrder(5L, 6L, 5L, 0L);
        assertThat(ring.snapshot()).containsExactlyElementsOf(written);
    }

    private static List<Long> ends(StripedRing ring) {
        return java.util.Arrays.stream(ring.stripes()).map(MetricRing::end).toList();
    }

    @Test
    void stripeCountDividesTheCapacity() {
        assertThat(ring(1000, 8).stripeCount()).isEqualTo(8);
        assertThat(ring(10, 8).stripeCount()).isEqualTo(2);
        assertThat(ring(7, 8).stripeCount()).isEqualTo(1);
    }

    @Test
    void rejectsCapacityBelowOne() {
        assertThatThrownBy(() -> ring(0, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity").hasMessageContaining("0");
    }
}
