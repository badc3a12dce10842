package io.measured.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.OperationType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OperationRegistryTest {

    private static final int TYPES = OperationType.values().length;

    private final OperationRegistry registry = new OperationRegistry(OperationType.values().length, 100, "other", new BucketBounds(List.of(0.1)));

    @Test
    void overflowCountersTakeTheFirstIdsAndTrackedOnesTheirOwn() {
        OperationCounter first = registry.counterFor(OperationType.DATABASE.ordinal(), "a");
        OperationCounter second = registry.counterFor(OperationType.HTTP.ordinal(), "b");
        OperationCounter sameNameOtherType = registry.counterFor(OperationType.HTTP.ordinal(), "a");

        assertThat(List.of(first, second, sameNameOtherType)).extracting(OperationCounter::id)
                .doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isGreaterThanOrEqualTo(TYPES));
        assertThat(registry.counterFor(OperationType.DATABASE.ordinal(), "a")).isSameAs(first);
        assertThat(registry.byId(first.id())).isSameAs(first);
        assertThat(registry.byId(sameNameOtherType.id())).isSameAs(sameNameOtherType);
        for (OperationType type : OperationType.values()) {
            OperationCounter overflow = registry.counterFor(type.ordinal(), "other");
            assertThat(overflow.id()).isEqualTo(type.ordinal());
            assertThat(registry.isOverflow(overflow)).isTrue();
        }
        assertThat(registry.isOverflow(first)).isFalse();
    }

    @Test
    void concurrentRegistrationsGetUniqueIdsFindableByIdAndStopAtTheCap() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<OperationCounter> seen = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    // Every thread asks for the same 300 names, so threads race on each first registration.
                    for (int i = 0; i < 300; i++) {
                        seen.add(registry.counterFor(i % TYPES, "op" + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Set<OperationCounter> tracked = new HashSet<>();
        for (OperationCounter counter : seen) {
            assertThat(registry.byId(counter.id())).isSameAs(counter);
            if (!registry.isOverflow(counter)) {
                tracked.add(counter);
            }
        }
        assertThat(tracked).hasSize(100);
        assertThat(tracked).extracting(OperationCounter::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).isGreaterThanOrEqualTo(TYPES));
        assertThat(registry.snapshot()).isEmpty(); // nothing was counted, so nothing is listed
    }

    @Test
    void aFullTableOfCollidingNamesStillFindsEveryOneAndCountsNoMoreThanTheCap() {
        OperationRegistry small = new OperationRegistry(TYPES, 8, "other", new BucketBounds(List.of(0.1)));
        // "Aa" and "BB" share a hash code, as do their concatenations: every name probes the same run.
        List<String> colliding = List.of("AaAa", "AaBB", "BBAa", "BBBB", "AaAaAa", "AaAaBB", "AaBBAa", "AaBBBB",
                "BBAaAa", "BBAaBB");
        List<OperationCounter> counters = new ArrayList<>();
        for (String name : colliding) {
            counters.add(small.counterFor(0, name));
        }
        assertThat(counters.subList(0, 8)).noneMatch(small::isOverflow)
                .extracting(OperationCounter::name).containsExactlyElementsOf(colliding.subList(0, 8));
        assertThat(counters.subList(8, 10)).allMatch(small::isOverflow);
        for (int i = 0; i < 8; i++) {
            assertThat(small.counterFor(0, colliding.get(i))).isSameAs(counters.get(i));
        }
    }

    @Test
    void theCapIsCheckedWithItsRange() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OperationRegistry(TYPES, 0, "other",
                new BucketBounds(List.of(0.1)))).hasMessageContaining("maxOperations").hasMessageContaining("was 0");
    }
}
