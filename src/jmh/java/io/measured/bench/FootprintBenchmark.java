package io.measured.bench;

import io.measured.MetricsBuffer;
import io.measured.OperationType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Memory per buffered entry: allocation (-prof gc, B/op) of building a 100,000-entry buffer and
 * filling it once with metadata-free records of one operation; divide by 100,000. Everything
 * allocated stays reachable from the buffer, so this is also what it retains. {@code fillAndRead100k}
 * adds one {@code getStats()}, whose incremental statistics keep a shadow of the buffer (a few
 * kilobytes of that call's allocation are its transient result).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class FootprintBenchmark {

    static final int ENTRIES = 100_000;

    @Benchmark
    public MetricsBuffer fill100k() {
        MetricsBuffer buffer = new MetricsBuffer(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            buffer.record(OperationType.DATABASE, "NoteRepository.findAll", 1.5);
        }
        return buffer;
    }

    @Benchmark
    public MetricsBuffer fillAndRead100k() {
        MetricsBuffer buffer = new MetricsBuffer(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            // Spread over many statistics buckets, so the read's transient copies stay small.
            buffer.record(OperationType.DATABASE, "NoteRepository.findAll", (i % 1000) * 0.01);
        }
        buffer.getStats();
        return buffer;
    }
}
