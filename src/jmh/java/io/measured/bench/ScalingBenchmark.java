package io.measured.bench;

import io.measured.MetricsBuffer;
import io.measured.OperationRecorder;
import io.measured.OperationType;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scaling from one thread to two (throughput of all threads together, calls per microsecond):
 * counting a call with sampling rate 0 ({@code counting}; {@code countingApart} is the same loop
 * with a buffer per thread, which shares nothing: the machine's own scaling of that loop), and the whole interceptor path around a
 * business method doing about a microsecond of work, sampled ({@code interceptedWork}), beside the
 * same method called plainly ({@code plainWork}), behind Weld's no-op interceptor ({@code noOpWork})
 * and behind the floor interceptor ({@code floorWork}). Scaling = the two-thread figure over the
 * one-thread figure.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class ScalingBenchmark {

    private static final long END_NANOS = 1_000_000_000L;

    @State(Scope.Benchmark)
    public static class Counting {
        final OperationRecorder recorder = new MetricsBuffer(1000, 0.0)
                .recorder(OperationType.DATABASE, "NoteRepository.findAll");
    }

    /**
     * A buffer of its own per thread: nothing shared between the threads, so two threads' figure
     * over one thread's is what this machine gives the counting loop when the code shares nothing.
     */
    @State(Scope.Thread)
    public static class CountingApart {
        final OperationRecorder recorder = new MetricsBuffer(1000, 0.0)
                .recorder(OperationType.DATABASE, "NoteRepository.findAll");
    }

    @State(Scope.Benchmark)
    public static class Container {
        WeldContainer weld;
        Workers.PlainWork plain;
        Workers.NoOpWork noOp;
        Workers.FloorWork floor;
        Workers.TimedWork timed;

        String samplingRate() {
            return "1.0";
        }

        @Setup(Level.Trial)
        public void start() {
            weld = BenchContainers.start(samplingRate(), NoOpInterceptor.class, FloorInterceptor.class,
                    Workers.PlainWork.class, Workers.NoOpWork.class, Workers.FloorWork.class, Workers.TimedWork.class);
            plain = weld.select(Workers.PlainWork.class).get();
            noOp = weld.select(Workers.NoOpWork.class).get();
            floor = weld.select(Workers.FloorWork.class).get();
            timed = weld.select(Workers.TimedWork.class).get();
        }

        @TearDown(Level.Trial)
        public void stop() {
            weld.close();
        }
    }

    /** The same beans with {@code measured.sampling.rate=0}: every call counted, none buffered. */
    @State(Scope.Benchmark)
    public static class UnsampledContainer extends Container {
        @Override
        String samplingRate() {
            return "0.0";
        }
    }

    @State(Scope.Thread)
    public static class Argument {
        long x;
    }

    @Benchmark
    @Threads(1)
    public boolean counting1(Counting counting) {
        return counting.recorder.record(END_NANOS - 1_234_000, END_NANOS);
    }

    @Benchmark
    @Threads(2)
    public boolean counting2(Counting counting) {
        return counting.recorder.record(END_NANOS - 1_234_000, END_NANOS);
    }

    @Benchmark
    @Threads(1)
    public boolean countingApart1(CountingApart counting) {
        return counting.recorder.record(END_NANOS - 1_234_000, END_NANOS);
    }

    @Benchmark
    @Threads(2)
    public boolean countingApart2(CountingApart counting) {
        return counting.recorder.record(END_NANOS - 1_234_000, END_NANOS);
    }

    @Benchmark
    @Threads(1)
    public long interceptedWork1(Container c, Argument a) {
        return c.timed.compute(a.x++);
    }

    @Benchmark
    @Threads(2)
    public long interceptedWork2(Container c, Argument a) {
        return c.timed.compute(a.x++);
    }

    @Benchmark
    @Threads(1)
    public long interceptedWorkUnsampled1(UnsampledContainer c, Argument a) {
        return c.timed.compute(a.x++);
    }

    @Benchmark
    @Threads(2)
    public long interceptedWorkUnsampled2(UnsampledContainer c, Argument a) {
        return c.timed.compute(a.x++);
    }

    @Benchmark
    @Threads(1)
    public long noOpWork1(Container c, Argument a) {
        return c.noOp.compute(a.x++);
    }

    @Benchmark
    @Threads(2)
    public long noOpWork2(Container c, Argument a) {
        return c.noOp.compute(a.x++);
    }

    @Benchmark
    @Threads(1)
    public long floorWork1(Container c, Argument a) {
        return c.floor.compute(a.x++);
    }

    @Benchmark
    @Threads(2)
    public long floorWork2(Container c, Argument a) {
        return c.floor.compute(a.x++);
    }

    @Benchmark
    @Threads(1)
    public long plainWork1(Container c, Argument a) {
        return c.plain.compute(a.x++);
    }

    @Benchmark
    @Threads(2)
    public long plainWork2(Container c, Argument a) {
        return c.plain.compute(a.x++);
    }
}
