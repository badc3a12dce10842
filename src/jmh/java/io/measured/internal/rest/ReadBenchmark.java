package io.measured.internal.rest;

import io.measured.Metric;
import io.measured.MetricsBuffer;
import io.measured.MetricsStats;
import io.measured.OperationStats;
import io.measured.OperationType;
import io.measured.internal.stats.OperationTable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a full buffer: {@code getStats()} with percentiles, its JSON, the Prometheus text, and
 * the cumulative per-operation statistics (50 names over 3 types: 150 operations).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ReadBenchmark {

    @Param({"10000", "100000"})
    int size;

    MetricsBuffer buffer;
    JsonRenderer renderer;
    /** Responses are written to a stream that keeps nothing, as a server's entity stream does. */
    final OutputStream sink = OutputStream.nullOutputStream();

    @Setup(Level.Trial)
    public void fill() {
        buffer = new MetricsBuffer(size);
        renderer = new JsonRenderer();
        SplittableRandom random = new SplittableRandom(42);
        OperationType[] types = OperationType.values();
        for (int i = 0; i < size; i++) {
            OperationType type = types[i % types.length];
            buffer.record(type, "operation-" + (i % 50), random.nextDouble() * 100,
                    Map.of("outcome", i % 17 == 0 ? "error" : "success"));
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        renderer.close();
    }

    @Benchmark
    public MetricsStats stats() {
        return buffer.getStats();
    }

    /** New rows since the previous read: 1 % of the buffer, recorded before each call (not timed). */
    @State(Scope.Thread)
    public static class Churn {
        private final SplittableRandom random = new SplittableRandom(7);

        @Setup(Level.Invocation)
        public void write(ReadBenchmark read) {
            OperationType[] types = OperationType.values();
            for (int i = 0; i < read.size / 100; i++) {
                read.buffer.record(types[i % types.length], "operation-" + (i % 50), random.nextDouble() * 100);
            }
        }
    }

    /** {@code getStats()} folding in the rows written since the previous call. */
    @Benchmark
    public MetricsStats statsAfterChurn(Churn churn) {
        return buffer.getStats();
    }

    @Benchmark
    public OutputStream statsJson() throws IOException {
        renderer.write(Views.StatsView.of(buffer.getStats()), sink);
        return sink;
    }

    @Benchmark
    public OutputStream prometheusText() throws IOException {
        PrometheusWriter.write(ExpositionFormat.PROMETHEUS, ((OperationTable.Source) buffer.getOperationStats()).table(),
                buffer.size(), buffer.getMaxSize(), Map.of(OperationType.DATABASE, 1.0, OperationType.HTTP, 1.0,
                        OperationType.RENDER, 1.0, OperationType.SERVICE, 1.0), sink);
        return sink;
    }

    @Benchmark
    public List<OperationStats> operationStats() {
        return buffer.getOperationStats();
    }

    /** A full buffer of the largest configurable size, for reads whose answer is small. */
    @State(Scope.Benchmark)
    public static class Million {
        final MetricsBuffer buffer = new MetricsBuffer(1_000_000);

        @Setup(Level.Trial)
        public void fill() {
            for (int i = 0; i < 1_000_010; i++) {
                buffer.record(i % 1000 == 0 ? OperationType.RENDER : OperationType.DATABASE, "operation-" + (i % 50), i % 100);
            }
        }
    }

    /** {@code GET /metrics/recent?limit=1} on a full 1,000,000-entry buffer: one row read, one metric made. */
    @Benchmark
    public OutputStream recentOfOneJson(Million million) throws IOException {
        renderer.write(Views.MetricView.of(million.buffer.getRecent(1).get(0)), sink);
        return sink;
    }

    /** {@code GET /metrics/recent?limit=1&type=render}: reads back to the newest row of that type. */
    @Benchmark
    public List<Metric> recentOfOneType(Million million) {
        return million.buffer.getRecent(1, OperationType.RENDER);
    }
}
