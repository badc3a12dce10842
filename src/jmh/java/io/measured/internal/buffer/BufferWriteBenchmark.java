package io.measured.internal.buffer;

import io.measured.MetricsBuffer;
import io.measured.OperationRecorder;
import io.measured.OperationType;
import io.measured.bench.FloorRows;
import io.measured.internal.stats.BucketBounds;
import io.measured.internal.stats.OperationCounter;
import io.measured.internal.stats.OperationRegistry;
import io.measured.internal.stats.Outcomes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where a sampled recording's time goes, layer by layer, and what two writers cost each other, in
 * one run (calls per microsecond, all threads together). Each layer is the previous one minus one
 * part, so neighbouring results differ by that part's cost:
 * <ol>
 * <li>{@code recorder}: the interceptor's whole path (cumulative statistics, sampling decision,
 * timestamp, buffer write);
 * <li>{@code coreCall1}: the same without the recorder's own call, straight into the buffer's core;
 * <li>{@code siteCountThenRing1}: the two parts of that path back to back, the operation's
 * statistics and the ring's write, without the steps between them (the link to OpenTelemetry, the
 * sampling and slow-call decision, the row's metadata code, its timestamp and its duration in
 * milliseconds): what those steps cost is {@code coreCall1} minus this;
 * <li>{@code count}: the cumulative statistics alone ({@code OperationCounter.record}), beside
 * {@code longAdder}, the floor interceptor's one striped add: every call pays it, sampled or not;
 * <li>{@code ringAdd}: the buffer write alone (cursor increment, a check that the slot's previous
 * writer has released it, the writing mark, three stores and a check of the reference slot, stamp
 * release);
 * <li>{@code plainRowStores}: the same stores into the same kind of arrays with no atomic
 * instruction: what any row write costs.
 * </ol>
 * Beside them, the floors of the interceptor benchmark without an interceptor around them:
 * {@code orderedFloor1} (a striped add, a sequence number, a row's stores and its release) and
 * {@code claimedFloor1} (the same with the slot's claim the buffer's exactness needs), so that
 * {@code recorder1} reads against the least a recorder keeping the contract costs, without the
 * container's own time and its spread; and {@code countedClaimedFloor1}, the claimed floor with the
 * operation's statistics (count, sum, errors, maximum, histogram cell) in place of the striped add:
 * the two parts every sampled record needs, with no sampling decision, timestamp, metadata, slot
 * mapping for any capacity or box.
 * The two-thread variants share one buffer, as the threads of a server do: the ring's one cursor
 * is the price of its total order, reported here without a goal.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class BufferWriteBenchmark {

    private static final int SIZE = 1000;
    private static final long END_NANOS = 1_000_000_000L;
    private static final long DURATION_NANOS = 1_234_000;
    private static final OperationRegistry OPERATIONS = new OperationRegistry(OperationType.values().length, 10, "other", new BucketBounds(List.of(0.1)));
    private static final OperationCounter COUNTER =
            OPERATIONS.counterFor(OperationType.DATABASE.ordinal(), "NoteRepository.findAll");
    private static final long CODE = RowCode.withMetadata(RowCode.operation(OPERATIONS,
            OPERATIONS.counterFor(OperationType.DATABASE.ordinal(), "NoteRepository.findAll"), "NoteRepository.findAll"),
            Outcomes.SUCCESS_METADATA);

    /** One buffer shared by all threads, as the interceptor uses it. */
    @State(Scope.Benchmark)
    public static class Shared {
        final MetricsBuffer buffer = new MetricsBuffer(SIZE);
        final OperationRecorder recorder = buffer.recorder(OperationType.DATABASE, "NoteRepository.findAll");
        final MetricRing ring = new MetricRing(SIZE);
        final LongAdder adder = new LongAdder();
        /** The recorder's own core, and a site of its operation: the layers below {@code recorder1}. */
        final BufferCore core = CoreAccess.of(buffer);
        final Site site = core.site(OperationType.DATABASE.ordinal(), "NoteRepository.findAll");
    }

    /** Arrays of a ring's shape written without atomics, one set per thread. */
    @State(Scope.Thread)
    public static class Plain {
        final long[] rows = new long[SIZE * MetricRing.STRIDE];
        final Object[] extras = new Object[SIZE];
        int next;
    }

    @Benchmark
    @Threads(1)
    public boolean recorder1(Shared shared) {
        return shared.recorder.record(END_NANOS - DURATION_NANOS, END_NANOS);
    }

    @Benchmark
    @Threads(2)
    public boolean recorder2(Shared shared) {
        return shared.recorder.record(END_NANOS - DURATION_NANOS, END_NANOS);
    }

    @Benchmark
    @Threads(1)
    public void count1() {
        COUNTER.record(DURATION_NANOS, false);
    }

    @Benchmark
    @Threads(2)
    public void count2() {
        COUNTER.record(DURATION_NANOS, false);
    }

    @Benchmark
    @Threads(1)
    public void longAdder1(Shared shared) {
        shared.adder.add(DURATION_NANOS);
    }

    @Benchmark
    @Threads(1)
    public void orderedFloor1(Shared shared) {
        shared.adder.add(DURATION_NANOS);
        FloorRows.ordered(END_NANOS, DURATION_NANOS);
    }

    @Benchmark
    @Threads(1)
    public void claimedFloor1(Shared shared) {
        shared.adder.add(DURATION_NANOS);
        FloorRows.claimed(END_NANOS, DURATION_NANOS);
    }

    @Benchmark
    @Threads(1)
    public void countedClaimedFloor1() {
        COUNTER.record(DURATION_NANOS, false);
        FloorRows.claimed(END_NANOS, DURATION_NANOS);
    }

    @Benchmark
    @Threads(1)
    public boolean coreCall1(Shared shared) {
        return shared.core.recordCall(shared.site, END_NANOS - DURATION_NANOS, END_NANOS, Outcomes.SUCCESS_METADATA,
                false, false);
    }

    @Benchmark
    @Threads(1)
    public void siteCountThenRing1(Shared shared) {
        shared.site.counter.record(DURATION_NANOS, false);
        shared.ring.add(CODE, null, 1_700_000_000_000L, 1.234);
    }

    @Benchmark
    @Threads(1)
    public void ringAdd1(Shared shared) {
        shared.ring.add(CODE, null, 1_700_000_000_000L, 1.234);
    }

    @Benchmark
    @Threads(2)
    public void ringAdd2(Shared shared) {
        shared.ring.add(CODE, null, 1_700_000_000_000L, 1.234);
    }

    @Benchmark
    @Threads(1)
    public void plainRowStores1(Plain plain) {
        int index = plain.next;
        plain.next = index + 1 == SIZE ? 0 : index + 1;
        int base = index * MetricRing.STRIDE;
        long[] rows = plain.rows;
        rows[base] = -1;
        rows[base + 1] = CODE;
        rows[base + 2] = 1_700_000_000_000L;
        rows[base + 3] = Double.doubleToRawLongBits(1.234);
        if (plain.extras[index] != null) {
            plain.extras[index] = null;
        }
        rows[base] = index + 1L;
    }
}
