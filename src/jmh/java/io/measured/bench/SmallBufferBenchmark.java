package io.measured.bench;

import io.measured.MetricsBuffer;
import io.measured.OperationRecorder;
import io.measured.OperationType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sixteen threads recording into one buffer of 1 entry and of 1,000 (the default): with fewer
 * entries than writers, writers meet on the same rows all the time, and on 2 cores most of them are
 * preempted at any moment, some between claiming a row and publishing it. The contract (README,
 * "never waits") is that no writer waits for another: a buffer of 1 costs at most 3 × what a buffer
 * of 1,000 costs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@Threads(16)
public class SmallBufferBenchmark {

    @State(Scope.Benchmark)
    public static class Buffer {
        @Param({"1", "1000"})
        int capacity;
        OperationRecorder recorder;

        @Setup
        public void create() {
            recorder = MetricsBuffer.builder().maxSize(capacity).build().recorder(OperationType.SERVICE, "Booking.book");
        }
    }

    @Benchmark
    public boolean record(Buffer buffer) {
        long end = System.nanoTime();
        return buffer.recorder.record(end - 1_000, end);
    }
}
