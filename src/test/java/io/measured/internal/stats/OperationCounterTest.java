package io.measured.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.OperationType;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OperationCounterTest {

    private final OperationCounter counter = new OperationCounter(0, OperationType.RENDER.ordinal(), "r",
            new CellLayout(new BucketBounds(List.of(0.001, 0.01))));

    @Test
    void bucketsAreCumulativeWithInclusiveBoundsAndPlusInfEqualToCount() {
        counter.record(1_000_000L, false);
        counter.record(1_000_001L, true);
        counter.record(50_000_000L, false);
        OperationSnapshot stats = counter.snapshot();
        assertThat(stats.upperBoundsSeconds()).containsExactly(0.001, 0.01, Double.POSITIVE_INFINITY);
        assertThat(stats.cumulativeCounts()).containsExactly(1, 2, 3);
        assertThat(stats.calls()).isEqualTo(3);
        assertThat(stats.errors()).isEqualTo(1);
        assertThat(stats.maxMs()).isEqualTo(50.0);
        assertThat(stats.sumMs()).isEqualTo(52.000001);
    }

    @Test
    void theSumSaturatesInsteadOfWrapping() {
        counter.record(Long.MAX_VALUE, false);
        counter.record(Long.MAX_VALUE, false);
        counter.record(5, false);
        OperationSnapshot stats = counter.snapshot();
        assertThat(stats.sumMs()).isEqualTo(Long.MAX_VALUE / 1_000_000.0);
        assertThat(stats.meanMs()).isPositive();
        assertThat(stats.calls()).isEqualTo(3);
    }

    @Test
    void manyThreadsLoseNoCountNoErrorAndNoNanosecond() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 100_000; i++) {
                        counter.record(i * 100L, i % 4 == 0);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        OperationSnapshot stats = counter.snapshot();
        assertThat(stats.calls()).isEqualTo(800_000);
        assertThat(stats.errors()).isEqualTo(200_000);
        long sumNanos = 8 * 100L * (99_999L * 100_000L / 2);
        assertThat(stats.sumMs()).isEqualTo(sumNanos / 1_000_000.0);
        // 0.001 s = 1,000,000 ns: i * 100 <= 1e6 for i <= 10,000; <= 1e7 for every i
        assertThat(stats.cumulativeCounts()).containsExactly(8 * 10_001L, 800_000L, 800_000L);
        assertThat(stats.maxMs()).isEqualTo(99_999 * 100 / 1_000_000.0);
        assertThat(counter.stripeCount()).as("stripes after eight writers").isBetween(1, Stripes.MAX);
    }

    @Test
    void oneThreadUsesOneStripe() {
        for (int i = 0; i < 100_000; i++) {
            counter.record(i, false);
        }
        assertThat(counter.stripeCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a writer stalled while it owns a stripe holds nobody up and loses no other call")
    void aStripeLeftOwnedSendsOthersToTheSharedStripe() throws Exception {
        counter.record(5, false);
        long[] owned = stripe(0);
        owned[16] = 1; // its owner flag, after 16 longs of padding: a writer preempted before its release
        for (int i = 0; i < 1_000; i++) {
            counter.record(2_000_000L, i % 2 == 0);
        }
        assertThat(stripe(Stripes.OWNED_MAX)).as("the shared stripe").isNotNull();
        OperationSnapshot stats = counter.snapshot();
        assertThat(stats.calls()).isEqualTo(1_001);
        assertThat(stats.errors()).isEqualTo(500);
        assertThat(stats.sumMs()).isEqualTo(2_000.000005);
        assertThat(stats.cumulativeCounts()).containsExactly(1, 1_001, 1_001);
    }

    private long[] stripe(int index) throws ReflectiveOperationException {
        Field stripes = OperationCounter.class.getDeclaredField("stripes");
        stripes.setAccessible(true);
        return ((long[][]) stripes.get(counter))[index];
    }
}
