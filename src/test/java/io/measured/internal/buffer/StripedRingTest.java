package io.measured.internal.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.measured.Metric;
import io.measured.OperationType;
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
import org.junit.jupiter.api.Test;

class StripedRingTest {

    private static Metric metric(int n) {
        return new Metric(OperationType.values()[n % 3], "op" + n, Instant.ofEpochMilli(n), n, 7, Map.of("n", "" + n));
    }

    private static void add(StripedRing ring, Metric m) {
        ring.add(m.operationType(), m.operationName(), m.timestamp().toEpochMilli(), System.nanoTime(),
                m.durationMs(), m.metadata());
    }

    @Test
    void keepsTheLastCapacityInOrderAgainstAReferenceModel() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int capacity = 1 + random.nextInt(20);
            StripedRing ring = new StripedRing(capacity, 1 << random.nextInt(4), 7);
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
        StripedRing ring = new StripedRing(8, 4, 7);
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

    @Test
    void aWriterThatFindsAnotherInItsStripeMovesOn() throws Exception {
        StripedRing ring = new StripedRing(8, 4, 7); // 4 stripes of 2 rows
        ExecutorService a = Executors.newSingleThreadExecutor();
        ExecutorService b = Executors.newSingleThreadExecutor();
        try {
            a.submit(() -> add(ring, metric(0))).get(); // A's run: stripe 0, one row left
            for (int i = 1; i <= 7; i++) {
                Metric m = metric(i);
                b.submit(() -> add(ring, m)).get(); // B's runs: stripes 1, 2, 3, then 0 beside A
            }
            assertThat(ends(ring)).containsExactly(2L, 2L, 2L, 2L);
            a.submit(() -> add(ring, metric(8))).get(); // A sees B's row in stripe 0: run over
            a.submit(() -> add(ring, metric(9))).get(); // so A's next row opens a run in stripe 1
            assertThat(ends(ring)).containsExactly(3L, 3L, 2L, 2L);
            assertThat(ring.snapshot()).extracting(Metric::durationMs)
                    .containsExactlyInAnyOrder(2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
        } finally {
            a.shutdownNow();
            b.shutdownNow();
        }
    }

    private static List<Long> ends(StripedRing ring) {
        return java.util.Arrays.stream(ring.stripes()).map(MetricRing::end).toList();
    }

    @Test
    void stripeCountDividesTheCapacity() {
        assertThat(new StripedRing(1000, 8, 7).stripeCount()).isEqualTo(8);
        assertThat(new StripedRing(10, 8, 7).stripeCount()).isEqualTo(2);
        assertThat(new StripedRing(7, 8, 7).stripeCount()).isEqualTo(1);
    }

    @Test
    void rejectsCapacityBelowOne() {
        assertThatThrownBy(() -> new StripedRing(0, 4, 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity").hasMessageContaining("0");
    }
}
