package io.measured.bench;

import com.codahale.metrics.MetricRegistry;
import io.measured.MetricsBuffer;
import io.measured.OperationType;
import io.measured.OperationRecorder;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
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
 * The recording primitive alone, at 1 and 2 threads, as throughput (calls per microsecond, all
 * threads together): {@code MetricsBuffer.record} (sampled and with rate 0), the interceptor's
 * path ({@link OperationRecorder#record(long, long)}, resolved once, given its two nanoTime
 * readings), against Micrometer's Timer, Dropwizard's Timer and HdrHistogram's Recorder.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RecordBenchmark {

    private static final double DURATION_MS = 1.234;
    private static final long DURATION_NANOS = 1_234_000;

    final MetricsBuffer sampled = new MetricsBuffer(Integer.getInteger("bench.size", 1000));
    final MetricsBuffer unsampled = new MetricsBuffer(1000, 0.0);
    final Timer micrometer = Timer.builder("bench.record").publishPercentiles(0.5, 0.95, 0.99)
            .publishPercentileHistogram().register(new SimpleMeterRegistry());
    final com.codahale.metrics.Timer dropwizard = new MetricRegistry().timer("bench.record");
    final Recorder hdr = new Recorder(3);
    final OperationRecorder sampledRecorder = sampled.recorder(OperationType.DATABASE, "NoteRepository.findAll");
    final OperationRecorder unsampledRecorder = unsampled.recorder(OperationType.DATABASE, "NoteRepository.findAll");
    long end = 1_000_000_000L;

    @Benchmark
    @Threads(1)
    public boolean recordCall1(RecordBenchmark s) {
        return s.sampledRecorder.record(s.end - DURATION_NANOS, s.end);
    }

    @Benchmark
    @Threads(2)
    public boolean recordCall2(RecordBenchmark s) {
        return s.sampledRecorder.record(s.end - DURATION_NANOS, s.end);
    }

    @Benchmark
    @Threads(1)
    public boolean recordCallUnsampled1(RecordBenchmark s) {
        return s.unsampledRecorder.record(s.end - DURATION_NANOS, s.end);
    }

    @Benchmark
    @Threads(1)
    public boolean measured1(RecordBenchmark s) {
        return s.sampled.record(OperationType.DATABASE, "NoteRepository.findAll", DURATION_MS);
    }

    @Benchmark
    @Threads(2)
    public boolean measured2(RecordBenchmark s) {
        return s.sampled.record(OperationType.DATABASE, "NoteRepository.findAll", DURATION_MS);
    }

    @Benchmark
    @Threads(1)
    public boolean measuredUnsampled1(RecordBenchmark s) {
        return s.unsampled.record(OperationType.DATABASE, "NoteRepository.findAll", DURATION_MS);
    }

    @Benchmark
    @Threads(2)
    public boolean measuredUnsampled2(RecordBenchmark s) {
        return s.unsampled.record(OperationType.DATABASE, "NoteRepository.findAll", DURATION_MS);
    }

    @Benchmark
    @Threads(1)
    public void micrometer1(RecordBenchmark s) {
        s.micrometer.record(DURATION_NANOS, TimeUnit.NANOSECONDS);
    }

    @Benchmark
    @Threads(2)
    public void micrometer2(RecordBenchmark s) {
        s.micrometer.record(DURATION_NANOS, TimeUnit.NANOSECONDS);
    }

    @Benchmark
    @Threads(1)
    public void dropwizard1(RecordBenchmark s) {
        s.dropwizard.update(DURATION_NANOS, TimeUnit.NANOSECONDS);
    }

    @Benchmark
    @Threads(2)
    public void dropwizard2(RecordBenchmark s) {
        s.dropwizard.update(DURATION_NANOS, TimeUnit.NANOSECONDS);
    }

    @Benchmark
    @Threads(1)
    public void hdrRecorder1(RecordBenchmark s) {
        s.hdr.recordValue(DURATION_NANOS);
    }

    @Benchmark
    @Threads(2)
    public void hdrRecorder2(RecordBenchmark s) {
        s.hdr.recordValue(DURATION_NANOS);
    }
}
