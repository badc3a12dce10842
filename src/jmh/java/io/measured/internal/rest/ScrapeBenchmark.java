package io.measured.internal.rest;

import io.measured.MetricsBuffer;
import io.measured.OperationType;
import io.measured.internal.stats.OperationTable;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Prometheus scrape of N operations, one thread: ours (the one pass over the counters and the
 * text written from it; with gzip; the writer alone on a table read before), and Prometheus'
 * client_java text writer rendering the same series (histograms with the same buckets, labels and
 * counts, and the error counter) from snapshots built before. Bodies go to a stream that counts
 * them. Per series line = the time over {@link #seriesLines} (19 per operation with the default 15
 * buckets: 16 bucket lines, sum, count, errors).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
@State(Scope.Benchmark)
public class ScrapeBenchmark {

    private static final Map<OperationType, Double> RATES = Map.of(OperationType.DATABASE, 1.0, OperationType.HTTP, 1.0,
            OperationType.RENDER, 1.0, OperationType.SERVICE, 1.0);
    private static final int CALLS = 8;

    @Param({"1000", "10000", "100000"})
    int operations;

    MetricsBuffer buffer;
    OperationTable table;
    MetricSnapshots clientJava;
    final PrometheusTextFormatWriter clientWriter = PrometheusTextFormatWriter.create();
    final Counting sink = new Counting();
    long seriesLines;

    /** Counts the bytes written, so no write can be left out, and keeps none. */
    static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    @Setup(Level.Trial)
    public void fill() throws IOException {
        buffer = MetricsBuffer.builder().maxOperations(operations).build();
        OperationType[] types = OperationType.values();
        for (int i = 0; i < operations; i++) {
            String name = "OrderService.placeOrderWithCoupon" + i;
            for (int call = 0; call < CALLS; call++) {
                double ms = ((i * 7L + call * 1_301L) % 40_000) / 10.0; // 0 .. 4 s, over every bucket
                buffer.record(types[i % types.length], name, ms,
                        call == 0 && i % 5 == 0 ? Map.of("outcome", "error") : Map.of());
            }
        }
        table = ((OperationTable.Source) buffer.getOperationStats()).table();
        clientJava = clientJavaSnapshots(table);
        seriesLines = (long) table.size() * (table.bounds().size() + 1 + 3);
        long ours = sampleLines(out -> PrometheusWriter.write(ExpositionFormat.PROMETHEUS, table, 0, 1, RATES, out))
                - 2 - types.length; // our two buffer gauges and a sampling rate per type
        long theirs = sampleLines(out -> clientWriter.write(out, clientJava));
        if (ours != seriesLines || theirs != seriesLines) {
            throw new IllegalStateException("not the same series: ours " + ours + " lines, client_java's " + theirs
                    + ", expected " + seriesLines);
        }
        System.err.println("series lines: " + seriesLines);
    }

    /** The same series in client_java's model: its buckets are per bucket, not cumulative. */
    private static MetricSnapshots clientJavaSnapshots(OperationTable table) {
        int buckets = table.bounds().size() + 1;
        double[] bounds = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            bounds[b] = b < buckets - 1 ? table.bounds().seconds(b) : Double.POSITIVE_INFINITY;
        }
        HistogramSnapshot.Builder histogram = HistogramSnapshot.builder().name(PrometheusWriter.DURATION)
                .help("Duration of measured operations, every call counted whether sampled or not.");
        CounterSnapshot.Builder errors = CounterSnapshot.builder().name(PrometheusWriter.ERRORS)
                .help("Measured operations that failed (outcome=error, or HTTP status 500 or more).");
        OperationType[] types = OperationType.values();
        for (int row = 0; row < table.size(); row++) {
            Labels labels = Labels.of("type", types[table.type(row)].key(), "operation", table.name(row));
            long[] counts = new long[buckets];
            for (int b = 0; b < buckets; b++) {
                counts[b] = table.cumulativeCount(row, b) - (b == 0 ? 0 : table.cumulativeCount(row, b - 1));
            }
            histogram.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder().labels(labels)
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
                    .sum(table.sumNanos(row) / 1e9).build());
            errors.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels)
                    .value(table.errors(row)).build());
        }
        return MetricSnapshots.of(histogram.build(), errors.build());
    }

    private static long sampleLines(ResponseBody.Content content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        content.writeTo(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().filter(line -> !line.startsWith("#")).count();
    }

    /** What {@code GET /metrics} with {@code Accept: text/plain} does: one pass over the counters, then the text. */
    @Benchmark
    public long measured() throws IOException {
        OperationTable read = ((OperationTable.Source) buffer.getOperationStats()).table();
        PrometheusWriter.write(ExpositionFormat.PROMETHEUS, read, buffer.size(), buffer.getMaxSize(), RATES, sink);
        return sink.bytes;
    }

    /** The same with {@code Accept-Encoding: gzip}. */
    @Benchmark
    public long measuredGzip() throws IOException {
        OperationTable read = ((OperationTable.Source) buffer.getOperationStats()).table();
        GzipBody.write(out -> PrometheusWriter.write(ExpositionFormat.PROMETHEUS, read, buffer.size(),
                buffer.getMaxSize(), RATES, out), sink);
        return sink.bytes;
    }

    /** Our writer alone, on a table read before: what compares with client_java's writer on its snapshots. */
    @Benchmark
    public long measuredWriterOnly() throws IOException {
        PrometheusWriter.write(ExpositionFormat.PROMETHEUS, table, buffer.size(), buffer.getMaxSize(), RATES, sink);
        return sink.bytes;
    }

    /** client_java 1.10's Prometheus text writer on snapshots of the same series, built before. */
    @Benchmark
    public long clientJavaWriter() throws IOException {
        clientWriter.write(sink, clientJava);
        return sink.bytes;
    }
}
