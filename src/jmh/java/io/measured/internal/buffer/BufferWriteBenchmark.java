package io.measured.internal.buffer;

import io.measured.MetricsBuffer;
import io.measured.OperationType;
import io.measured.internal.stats.BucketBounds;
import io.measured.internal.stats.OperationRegistry;
import io.measured.internal.stats.Outcomes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where a sampled recording's time goes, layer by layer, and what two writers cost each other,
 * in one run (calls per microsecond, all threads together). Each layer is the previous one minus
 * one part, so neighbouring results differ by that part's cost:
 * <ol>
 * <li>{@code recordCall}: the interceptor's whole path (statistics, sampling decision, timestamp,
 * buffer write);
 * <li>{@code stripedRingAdd}: the buffer write alone (the thread's run state in its lane, run
 * bookkeeping, and the stripe's seqlocked row write);
 * <li>{@code stripesInTurn}: the same runs over the same stripes, with the run state in the
 * benchmark's thread state instead of a lane;
 * <li>{@code metricRingAdd}: one stripe's seqlocked row write (cursor increment and last-write
 * time, compare-and-set of the slot's stamp, five stores and a check of the reference slot, stamp
 * release), with no run state;
 * <li>{@code plainRowStores}: the same stores and stamp stores into the same kind of arrays,
 * with no atomic instruction: what any row write costs.
 * </ol>
 * At two threads, {@code stripedRingAdd2} is the shipped buffer (each run starts in the next
 * of four stripes free for its thread; its one-thread figure is {@code stripedRingAdd});
 * {@code ownStripes2} has each thread rotate over two stripes that only it writes, fixed in
 * advance (same row writes, but no stripe's lines ever move between cores); {@code pinned2} has
 * each thread write one stripe of its own.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class BufferWriteBenchmark {

    private static final int SIZE = 1000;
    private static final int STRIPES = 4;
    private static final int RUN = SIZE / STRIPES;
    private static final long END_NANOS = 1_000_000_000L;
    private static final long DURATION_NANOS = 1_234_000;
    private static final Map<String, String> SUCCESS = Outcomes.SUCCESS_METADATA;
    private static final OperationRegistry OPERATIONS = new OperationRegistry(10, "other", new BucketBounds(List.of(0.1)));
    private static final long CODE = RowCode.withMetadata(RowCode.operation(OPERATIONS,
            OPERATIONS.counterFor(OperationType.DATABASE, "NoteRepository.findAll"), "NoteRepository.findAll"), SUCCESS);

    /** One buffer shared by all threads, as the interceptor uses it. */
    @State(Scope.Benchmark)
    public static class Shared {
        final BufferCore core = BufferAccess.core(new MetricsBuffer(SIZE));
        final Site site = core.site(OperationType.DATABASE, "NoteRepository.findAll");
        final StripedRing ring = new StripedRing(SIZE, STRIPES, 1, OPERATIONS);
        final MetricRing stripe = new MetricRing(RUN);
        final MetricRing[] stripes = new MetricRing[STRIPES];
        final AtomicInteger nextThread = new AtomicInteger();

        @Setup
        public void check() {
            if (ring.stripeCount() != STRIPES) {
                throw new IllegalStateException("expected " + STRIPES + " stripes, got " + ring.stripeCount());
            }
            for (int i = 0; i < STRIPES; i++) {
                stripes[i] = new MetricRing(RUN);
            }
        }
    }

    /** Per thread: the two stripes only it writes, and how far into its run it is. */
    @State(Scope.Thread)
    public static class Own {
        MetricRing first;
        MetricRing second;
        MetricRing current;
        int left;
        long sequence;

        @Setup
        public void pick(Shared shared) {
            int thread = shared.nextThread.getAndIncrement() % (STRIPES / 2);
            first = shared.stripes[2 * thread];
            second = shared.stripes[2 * thread + 1];
            current = first;
            left = RUN;
        }
    }

    /** Per thread: which of all the stripes it writes now, taken in turn, and how far into its run it is. */
    @State(Scope.Thread)
    public static class InTurn {
        int stripe;
        int left = RUN;
        long sequence;
    }

    /** Row arrays like a stripe's, written with plain stores. */
    @State(Scope.Thread)
    public static class PlainRows {
        final long[] rows = new long[RUN * MetricRing.STRIDE];
        final Object[] extras = new Object[RUN];
        long sequence;
    }

    @Benchmark
    @Threads(1)
    public boolean recordCall(Shared s) {
        return s.core.recordCall(s.site, END_NANOS - DURATION_NANOS, END_NANOS, SUCCESS, false, false);
    }

    @Benchmark
    @Threads(1)
    public void stripedRingAdd(Shared s) {
        addShared(s);
    }

    @Benchmark
    @Threads(1)
    public long metricRingAdd(Shared s, Own own) {
        return addTo(s.stripe, own);
    }

    /**
     * The runs of {@code stripedRingAdd} over the same four stripes (so the same rows, 48 kB, move
     * through the cache) without the lane: what the lane bookkeeping alone costs is
     * {@code stripedRingAdd} minus this.
     */
    @Benchmark
    @Threads(1)
    public long stripesInTurn(Shared s, InTurn turn) {
        // The stripe is looked up in the array on every write, as the shipped buffer does, unlike
        // ownStripe's held reference: so the difference from stripedRingAdd is the lane alone.
        if (turn.left-- == 0) {
            turn.stripe = (turn.stripe + 1) % STRIPES;
            turn.left = RUN - 1;
        }
        return s.stripes[turn.stripe].add(CODE, null, 1_000L, END_NANOS, turn.sequence++, 1.234);
    }

    @Benchmark
    @Threads(1)
    public void plainRowStores(PlainRows rows) {
        long sequence = rows.sequence++;
        int index = (int) (sequence % RUN);
        int base = index * MetricRing.STRIDE;
        long[] row = rows.rows;
        row[base] = -1;
        row[base + 1] = CODE;
        row[base + 2] = 1_000L;
        row[base + 3] = END_NANOS;
        row[base + 4] = sequence;
        row[base + 5] = Double.doubleToRawLongBits(1.234);
        if (rows.extras[index] != null) {
            rows.extras[index] = null;
        }
        row[base] = sequence + 1;
    }

    @Benchmark
    @Threads(2)
    public void stripedRingAdd2(Shared s) {
        addShared(s);
    }

    @Benchmark
    @Threads(2)
    public long ownStripes2(Own own) {
        return ownStripe(own);
    }

    @Benchmark
    @Threads(1)
    public long ownStripes1(Own own) {
        return ownStripe(own);
    }

    @Benchmark
    @Threads(2)
    public long pinned2(Own own) {
        return addTo(own.first, own);
    }

    private static long ownStripe(Own own) {
        if (own.left-- == 0) {
            own.current = own.current == own.first ? own.second : own.first;
            own.left = RUN - 1;
        }
        return addTo(own.current, own);
    }

    private static void addShared(Shared s) {
        s.ring.add(CODE, null, 1_000L, END_NANOS, 1.234);
    }

    private static long addTo(MetricRing stripe, Own own) {
        return stripe.add(CODE, null, 1_000L, END_NANOS, own.sequence++, 1.234);
    }
}
