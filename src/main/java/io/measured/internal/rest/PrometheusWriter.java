package io.measured.internal.rest;

import io.measured.OperationType;
import io.measured.internal.stats.Exemplar;
import io.measured.internal.stats.OperationTable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes the cumulative statistics in the Prometheus text format 0.0.4 or in OpenMetrics 1.0 to a
 * stream: a latency histogram in seconds and an error counter per (type, operation), and gauges for
 * the buffer and the sampling rates. Names follow Prometheus conventions: a {@code measured_}
 * prefix, base units, {@code _total} on counter samples.
 *
 * <p>It reads a table taken in one pass and writes bytes as it goes: a series line allocates
 * nothing, and what it holds besides the table is fixed (the output buffer, one bucket label per
 * configured bound, one operation's escaped labels). Confined to the thread writing one response.
 */
final class PrometheusWriter {

    static final String DURATION = "measured_operation_duration_seconds";
    static final String ERRORS = "measured_operation_errors";
    static final String BUFFER_ENTRIES = "measured_buffer_entries";
    static final String BUFFER_CAPACITY = "measured_buffer_capacity";
    static final String SAMPLING_RATE = "measured_sampling_rate";

    private static final OperationType[] TYPES = OperationType.values();
    private static final byte[] BUCKET = Utf8Output.bytes(DURATION + "_bucket");
    private static final byte[] EXEMPLAR_TRACE_ID = Utf8Output.bytes(" # {trace_id=\"");
    private static final byte[] EXEMPLAR_SPAN_ID = Utf8Output.bytes("\",span_id=\"");
    private static final byte[] EXEMPLAR_END = Utf8Output.bytes("\"} ");
    private static final byte[] SUM = Utf8Output.bytes(DURATION + "_sum");
    private static final byte[] COUNT = Utf8Output.bytes(DURATION + "_count");
    private static final byte[] ERRORS_TOTAL = Utf8Output.bytes(ERRORS + "_total");
    /** Closes the operation label's value and the label set. */
    private static final byte[] CLOSE = Utf8Output.bytes("\"} ");
    /** Per type ordinal: the label set up to the operation label's value. */
    private static final byte[][] TYPE_LABELS = new byte[TYPES.length][];

    static {
        for (OperationType type : TYPES) {
            TYPE_LABELS[type.ordinal()] = Utf8Output.bytes("{type=\"" + type.key() + "\",operation=\"");
        }
    }

    private final Utf8Output out;
    private final boolean openMetrics;
    private final OperationTable table;
    /** Per bucket: closes the operation label and adds {@code le}, such as {@code ",le="0.005"} }. */
    private final byte[][] bucketLabels;
    /** The current operation's label set up to the end of its escaped name. */
    private byte[] labels = new byte[256];
    private int labelsLength;

    private PrometheusWriter(ExpositionFormat format, OperationTable table, OutputStream stream) {
        this.out = new Utf8Output(stream);
        this.openMetrics = format == ExpositionFormat.OPENMETRICS;
        this.table = table;
        int bounds = table.bounds().size();
        this.bucketLabels = new byte[bounds + 1][];
        for (int b = 0; b <= bounds; b++) {
            bucketLabels[b] = Utf8Output.bytes("\",le=\"" + (b < bounds ? number(table.bounds().seconds(b)) : "+Inf") + "\"} ");
        }
    }

    /** Writes the whole exposition and flushes it to the stream, which stays open. */
    static void write(ExpositionFormat format, OperationTable table, int bufferEntries, int bufferCapacity,
            Map<OperationType, Double> samplingRates, OutputStream stream) throws IOException {
        PrometheusWriter writer = new PrometheusWriter(format, table, stream);
        writer.histograms();
        writer.errors();
        writer.gauges(bufferEntries, bufferCapacity, samplingRates);
        writer.out.flush();
    }

    private void histograms() throws IOException {
        family(DURATION, "histogram", "Duration of measured operations, every call counted whether sampled or not.");
        if (openMetrics) {
            out.write("# UNIT " + DURATION + " seconds\n");
        }
        int buckets = bucketLabels.length;
        for (int row = 0; row < table.size(); row++) {
            labels(row);
            for (int b = 0; b < buckets; b++) {
                bucket(row, b);
            }
            start(SUM);
            out.seconds(table.sumNanos(row));
            out.write('\n');
            start(COUNT);
            out.decimal(table.calls(row));
            out.write('\n');
        }
    }

    /**
     * The one place a bucket line is written; in OpenMetrics with the exemplar of a recent traced
     * call in that bucket, where there is one: {@code # {trace_id="...",span_id="..."} <seconds>
     * <timestamp>}, one at most per line as the specification allows.
     */
    private void bucket(int row, int bucket) throws IOException {
        out.write(BUCKET);
        out.write(labels, labelsLength);
        out.write(bucketLabels[bucket]);
        out.decimal(table.cumulativeCount(row, bucket));
        Exemplar exemplar = openMetrics ? table.exemplar(row, bucket) : null;
        if (exemplar != null) {
            out.write(EXEMPLAR_TRACE_ID);
            out.write(exemplar.traceId());
            out.write(EXEMPLAR_SPAN_ID);
            out.write(exemplar.spanId());
            out.write(EXEMPLAR_END);
            out.seconds(exemplar.nanos());
            out.write(' ');
            out.seconds(exemplar.epochMillis() * 1_000_000L);
        }
        out.write('\n');
    }

    private void errors() throws IOException {
        family(openMetrics ? ERRORS : ERRORS + "_total", "counter",
                "Measured operations that failed (outcome=error, or HTTP status 500 or more).");
        for (int row = 0; row < table.size(); row++) {
            labels(row);
            start(ERRORS_TOTAL);
            out.decimal(table.errors(row));
            out.write('\n');
        }
    }

    private void gauges(int bufferEntries, int bufferCapacity, Map<OperationType, Double> samplingRates)
            throws IOException {
        family(BUFFER_ENTRIES, "gauge", "Metrics held now in the buffer of recent calls.");
        out.write(BUFFER_ENTRIES + " " + bufferEntries + "\n");
        family(BUFFER_CAPACITY, "gauge", "The most metrics the buffer of recent calls holds.");
        out.write(BUFFER_CAPACITY + " " + bufferCapacity + "\n");
        family(SAMPLING_RATE, "gauge",
                "Fraction of calls of a type kept in the buffer of recent calls; slow calls are always kept.");
        for (OperationType type : TYPES) {
            out.write(SAMPLING_RATE + "{type=\"" + type.key() + "\"} " + number(samplingRates.get(type)) + "\n");
        }
        if (openMetrics) {
            out.write("# EOF\n");
        }
    }

    /** Makes the label set of a row's operation, escaped once for all of its lines. */
    private void labels(int row) {
        byte[] prefix = TYPE_LABELS[table.type(row)];
        String name = table.name(row);
        int needed = prefix.length + Utf8Output.escapedLength(name.length());
        if (labels.length < needed) {
            labels = new byte[Math.max(needed, labels.length * 2)];
        }
        System.arraycopy(prefix, 0, labels, 0, prefix.length);
        labelsLength = Utf8Output.escape(name, labels, prefix.length);
    }

    /** A sum, count or error line up to its value. */
    private void start(byte[] name) throws IOException {
        out.write(name);
        out.write(labels, labelsLength);
        out.write(CLOSE);
    }

    private void family(String name, String type, String help) throws IOException {
        out.write("# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n");
    }

    /** Plain decimal notation, never exponents, always with a fraction: 0.0005, 1.0, 30.0. */
    static String number(double value) {
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
}
