package io.measured.internal.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.Metric;
import io.measured.OperationType;
import io.measured.internal.stats.BucketBounds;
import io.measured.internal.stats.OperationCounter;
import io.measured.internal.stats.OperationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MetricRingTest {

    /** Tracks 50 names, so rows of both tracked and overflow operations (which keep their own names) are written. */
    private static final OperationRegistry OPERATIONS = new OperationRegistry(OperationType.values().length, 50, "other",
            new BucketBounds(List.of(0.1)));

    private static Metric metric(int n) {
        return new Metric(OperationType.values()[n % 4], "op" + n, Instant.ofEpochMilli(n), n, 7, Map.of("n", "" + n));
    }

    private static void add(MetricRing ring, Metric m) {
        OperationCounter counter = OPERATIONS.counterFor(m.operationType().ordinal(), m.operationName());
        long code = RowCode.withMetadata(RowCode.operation(OPERATIONS, counter, m.operationName()), m.metadata());
        ring.add(code, RowCode.extra(code, m.operationName(), m.metadata()), m.timestamp().toEpochMilli(), m.durationMs());
    }

    private static final RowMapper<Metric> METRIC = (type, name, epochMilli, durationMs, processId, metadata) ->
            new Metric(OperationType.values()[type], name, Instant.ofEpochMilli(epochMilli), durationMs, processId, metadata);

    private static RingReads reads(MetricRing ring) {
        return new RingReads(ring, OPERATIONS, 7);
    }

    @Test
    void keepsTheLastCapacityInOrderAgainstAReferenceModel() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int capacity = 1 + random.nextInt(20);
            MetricRing ring = new MetricRing(capacity);
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
                assertThat(reads(ring).all(METRIC)).containsExactlyElementsOf(model);
                assertThat(ring.size()).isEqualTo(model.size());
                int count = random.nextInt(capacity + 2);
                List<Metric> newestFirst = new ArrayList<>(model.subList(Math.max(0, model.size() - count), model.size()));
                java.util.Collections.reverse(newestFirst);
                assertThat(reads(ring).recent(count, RingReads.ANY_TYPE, METRIC)).containsExactlyElementsOf(newestFirst);
            }
        }
    }

    @Test
    void concurrentReadersNeverSeeATornRow() throws Exception {
        MetricRing ring = new MetricRing(8);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 200_000; i++) {
                        add(ring, metric(i));
                    }
                }));
            }
            Future<Integer> reader = pool.submit(() -> {
                int checked = 0;
                int rounds = 0;
                while (writing.get()) {
                    for (Metric m : reads(ring).all(METRIC)) {
                        int n = (int) m.durationMs();
                        // Every field of a row comes from the same write.
                        assertThat(m.operationName()).isEqualTo("op" + n);
                        assertThat(m.operationType()).isEqualTo(OperationType.values()[n % 4]);
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
            assertThat(reads(ring).all(METRIC).size()).isLessThanOrEqualTo(8);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The rows a full read of the ring finds, as (epoch millisecond, duration) pairs, oldest first. */
    private static List<long[]> held(MetricRing ring) {
        List<long[]> held = new ArrayList<>();
        RowView row = new RowView();
        long end = ring.end();
        for (long sequence = ring.start(end); sequence < end; sequence++) {
            if (ring.read(sequence, row) == 0) {
                held.add(new long[] {row.epochMilli, (long) row.durationMs});
            }
        }
        return held;
    }

    @Nested
    @DisplayName("a writer lapped while it writes its row")
    class LappedWriter {

        private final MetricRing ring = new MetricRing(2);
        private final long code = RowCode.withMetadata(0, Map.of());

        @Test
        @DisplayName("owns the place it claimed: the writers that lap it box their rows, and its late stores spoil none")
        void theNewerRowsAreKept() {
            long stalled = ring.take();
            int slot = ring.slotOf(stalled);
            assertThat(ring.claim(stalled, slot)).isEqualTo(MetricRing.IN_PLACE);
            for (int n = 1; n <= 4; n++) {
                ring.add(code, null, n, n); // sequences 1..4: 2 and 4 share the stalled writer's slot
            }
            assertThat(held(ring)).extracting(r -> r[0]).containsExactly(3L, 4L);
            ring.writeInPlace(stalled, slot, code, "late", 99, 99);
            assertThat(held(ring)).as("once the stalled writer is done").extracting(r -> r[0]).containsExactly(3L, 4L);
            assertThat(ring.size()).isEqualTo(2);
        }

        @Test
        @DisplayName("still reading while it writes finds the slot's previous row gone, never a mix")
        void aRowBeingReplacedIsAbsent() {
            ring.add(code, null, 1, 1); // sequence 0
            long next = ring.take(); // 1
            ring.writeInPlace(next, ring.slotOf(next), code, null, 2, 2);
            long replacing = ring.take(); // 2: the slot of sequence 0
            int slot = ring.slotOf(replacing);
            assertThat(ring.claim(replacing, slot)).isEqualTo(MetricRing.IN_PLACE);
            RowView row = new RowView();
            assertThat(ring.read(0, row)).isEqualTo(MetricRing.ABSENT);
            assertThat(ring.read(replacing, row)).isEqualTo(MetricRing.PENDING);
            ring.writeInPlace(replacing, slot, code, null, 3, 3);
            assertThat(ring.read(replacing, row)).isZero();
            assertThat(row.epochMilli).isEqualTo(3);
        }

        @Test
        @DisplayName("that finds a newer writer owning the place writes nothing, in place or boxed")
        void anOlderWriterGivesWayToTheOwner() {
            long late = ring.take(); // 0
            ring.add(code, null, 1, 1); // 1
            long owner = ring.take(); // 2: the slot of 0
            int slot = ring.slotOf(owner);
            assertThat(ring.claim(owner, slot)).isEqualTo(MetricRing.IN_PLACE);
            assertThat(ring.claim(late, slot)).isEqualTo(MetricRing.EVICTED);
            ring.writeInPlace(owner, slot, code, null, 2, 2);
            assertThat(held(ring)).extracting(r -> r[0]).containsExactly(1L, 2L);
            assertThat(ring.read(late, new RowView())).isEqualTo(MetricRing.ABSENT);
        }

        @Test
        @DisplayName("that boxes its row after the ring lapped it takes the row back out")
        void aLateBoxIsTakenBack() {
            long stalled = ring.take(); // 0
            int slot = ring.slotOf(stalled);
            assertThat(ring.claim(stalled, slot)).isEqualTo(MetricRing.IN_PLACE);
            ring.add(code, null, 1, 1); // 1
            long boxing = ring.take(); // 2: the slot of 0, owned by its writer
            assertThat(ring.claim(boxing, slot)).isEqualTo(MetricRing.IN_BOX);
            ring.writeInPlace(stalled, slot, code, null, 0, 0);
            ring.add(code, null, 3, 3); // 3
            ring.add(code, null, 4, 4); // 4: in place, where 2 would have been boxed
            ring.box(slot, new MetricRing.Boxed(boxing, code, "late", 2, 2)); // 2 boxes only now
            assertThat(ring.read(boxing, new RowView())).as("the late box is gone").isEqualTo(MetricRing.ABSENT);
            assertThat(held(ring)).extracting(r -> r[0]).containsExactly(3L, 4L);
        }

        @Test
        @DisplayName("that finds a newer row published writes nothing")
        void anEvictedRowIsNotWritten() {
            long late = ring.take(); // 0
            for (int n = 1; n <= 2; n++) {
                ring.add(code, null, n, n); // sequence 2 publishes the slot of 0
            }
            assertThat(ring.claim(late, ring.slotOf(late))).isEqualTo(MetricRing.EVICTED);
            assertThat(held(ring)).extracting(r -> r[0]).containsExactly(1L, 2L);
        }

        @Test
        @DisplayName("a boxed row is dropped by the next row written in place, so the ring holds no more than its rows")
        void anOlderBoxIsReleased() {
            long stalled = ring.take(); // 0
            int slot = ring.slotOf(stalled);
            ring.claim(stalled, slot);
            ring.add(code, "boxed", 1, 1); // 1
            ring.add(code, "boxed", 2, 2); // 2: boxed, slot of 0 is owned
            ring.writeInPlace(stalled, slot, code, null, 0, 0);
            ring.add(code, null, 3, 3); // 3
            ring.add(code, null, 4, 4); // 4: in place, the box of 2 is older
            assertThat(held(ring)).extracting(r -> r[0]).containsExactly(3L, 4L);
            RowView row = new RowView();
            assertThat(ring.read(2, row)).isEqualTo(MetricRing.ABSENT);
        }
    }

    @Test
    void theRemainderIsTheSequenceModuloTheCapacityForEveryCapacityAndSequence() {
        Random random = new Random(7);
        long[] edges = {0, 1, 999, 1000, 1001, (1L << 31) - 1, 1L << 31, (1L << 52) + 1, (1L << 62) - 2,
                (1L << 62) - 1, 1L << 62, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        for (int capacity : new int[] {1, 2, 3, 4, 5, 7, 1000, 1024, 999_983, 1_000_000, 10_000_000, 1 << 30,
                (1 << 30) + 1, Integer.MAX_VALUE / 4, Integer.MAX_VALUE}) {
            long magic = MetricRing.magicOf(capacity);
            int shift = MetricRing.shiftOf(capacity);
            List<Long> sequences = new ArrayList<>();
            for (long edge : edges) {
                sequences.add(edge);
                sequences.add(Math.max(0, edge - capacity));
                sequences.add(Math.max(0, edge / capacity * capacity - 1));
                sequences.add(edge / capacity * capacity);
            }
            for (int i = 0; i < 100_000; i++) {
                sequences.add(random.nextLong() & ((1L << (1 + random.nextInt(62))) - 1));
            }
            for (long sequence : sequences) {
                assertThat(MetricRing.remainder(sequence, capacity, magic, shift))
                        .as("remainder of %d at capacity %d", sequence, capacity)
                        .isEqualTo((int) (sequence % capacity));
            }
        }
    }

    @Test
    @DisplayName("slots: one per remainder, the same a capacity later, neighbours on different cache lines")
    void slotsAreABijectionOfTheRemainderThatSeparatesNeighbours() {
        for (int capacity : new int[] {1, 2, 3, 4, 7, 8, 9, 1000, 1001}) {
            MetricRing ring = new MetricRing(capacity);
            Set<Integer> slots = new HashSet<>();
            for (long sequence = 0; sequence < capacity; sequence++) {
                int slot = ring.slotOf(sequence);
                assertThat(slot).isBetween(0, capacity - 1);
                slots.add(slot);
                assertThat(ring.slotOf(sequence + capacity)).isEqualTo(slot);
                assertThat(ring.slotOf(sequence + 123L * capacity)).isEqualTo(slot);
                if (capacity >= 8) {
                    // Rows of 32 bytes, not aligned to 64-byte lines: rows 3 apart never share one.
                    assertThat(Math.abs(ring.slotOf(sequence + 1) - slot)).as("neighbour of %d", sequence)
                            .isGreaterThan(2);
                }
            }
            assertThat(slots).as("slots at capacity %d", capacity).hasSize(capacity);
        }
        assertThat(new MetricRing(1000).slotOf(123_456_789L)).as("remainder 789, odd").isEqualTo(500 + 394);
    }

    @Test
    void theLargestBufferFitsOneJavaArray() {
        // The VM's array limit is a little below Integer.MAX_VALUE.
        assertThat((long) io.measured.MetricsBuffer.LARGEST_MAX_SIZE * MetricRing.STRIDE)
                .isLessThan(Integer.MAX_VALUE - 8);
    }
}
