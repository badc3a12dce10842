package io.measured.internal.buffer;

import io.measured.internal.otel.Spans;
import io.measured.internal.otel.Telemetry;
import io.measured.internal.stats.BucketBounds;
import io.measured.internal.stats.History;
import io.measured.internal.stats.OperationCounter;
import io.measured.internal.stats.OperationRegistry;
import io.measured.internal.stats.Outcomes;
import io.measured.internal.stats.SlotCloser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Everything a {@code MetricsBuffer} holds, and its recording paths: the checked public one, and
 * {@link #recordCall}, which takes a pre-resolved {@link Site} and the nanoTime readings its caller
 * already made, so a call costs no lookup, no extra clock read and no allocation. Thread-safe:
 * recording never waits for another thread, whatever it does or fails to do (see
 * {@link MetricRing}), and keeps no per-thread state.
 *
 * <p>It knows operation types only as ordinals and answers in its own terms ({@link RowMapper},
 * {@link TypeSummary}, {@code OperationSnapshot}): the public facade, which depends on it, turns
 * those into the public types, so the core never depends back on the public package.
 */
public final class BufferCore {

    private static final long PROCESS_ID = ProcessHandle.current().pid();

    private final MetricRing ring;
    private final RingReads reads;
    private final BufferStatistics statistics;
    private final SamplingRates samplingRates;
    private final OperationRegistry operations;
    private final MetadataLimiter limiter;
    private final double slowThresholdMs;
    /** The longest duration in nanoseconds whose milliseconds stay below the slow threshold. */
    private final long longestNotSlowNanos;
    private final WallClock wallClock;
    private final History history;
    /** The application's OpenTelemetry, or null: set once, when the application starts. */
    private volatile Telemetry telemetry;

    /**
     * Arguments are checked by the public builder.
     *
     * @param rates the sampling rate per type ordinal; its length is the number of types (1 .. 16)
     */
    public BufferCore(int maxSize, double[] rates, int maxOperations, int metadataMaxLength,
            double slowThresholdMs, Clock clock, List<Double> bucketBounds, String overflowName) {
        this.operations = new OperationRegistry(rates.length, maxOperations, overflowName, new BucketBounds(bucketBounds));
        this.ring = new MetricRing(maxSize);
        this.reads = new RingReads(ring, operations, PROCESS_ID);
        this.statistics = new BufferStatistics(ring, rates.length);
        this.samplingRates = new SamplingRates(rates);
        this.limiter = new MetadataLimiter(metadataMaxLength);
        this.slowThresholdMs = slowThresholdMs;
        this.longestNotSlowNanos = longestNanosBelow(slowThresholdMs);
        this.wallClock = WallClock.of(clock);
        this.history = new History(operations, () -> wallClock.millisAt(System.nanoTime()));
        if (wallClock.isSystemClock()) {
            // An injected clock is the caller's to move: its slots close when read, at the times it gives.
            SlotCloser.register(history);
        }
    }

    /**
     * The heap a buffer of {@code maxSize} takes once created and read, before metadata: its rows
     * and the statistics' private copy of them.
     */
    public static long bytesFor(int maxSize) {
        return (long) maxSize * (MetricRing.BYTES_PER_ROW + RingShadow.BYTES_PER_SLOT);
    }

    /**
     * Ends the background work this buffer started (the closing of its history's slots), as its
     * application ends; the buffer still records and answers reads, closing slots as it is read.
     */
    public void release() {
        SlotCloser.release(history);
    }

    /** Links this buffer to the application's OpenTelemetry; null unlinks it. */
    public void attach(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    public BufferStatistics statistics() {
        return statistics;
    }

    public SamplingRates samplingRates() {
        return samplingRates;
    }

    public OperationRegistry operations() {
        return operations;
    }

    public History history() {
        return history;
    }

    public double slowThresholdMs() {
        return slowThresholdMs;
    }

    public int metadataMaxLength() {
        return limiter.maxLength();
    }

    public long processId() {
        return PROCESS_ID;
    }

    public int capacity() {
        return ring.capacity();
    }

    /** Rows held now; with writers running, a moment old. */
    public int size() {
        return ring.size();
    }

    /** The type argument of a query over every type. */
    public static final int ANY_TYPE = RingReads.ANY_TYPE;

    /** Every metric held, oldest first; allocates in proportion to the rows held. */
    public <T> List<T> all(RowMapper<T> mapper) {
        return reads.all(mapper);
    }

    /**
     * The newest {@code count} metrics at most of a type ordinal ({@link #ANY_TYPE}: all), newest
     * first; allocates in proportion to the answer.
     */
    public <T> List<T> recent(int count, int type, RowMapper<T> mapper) {
        return reads.recent(count, type, mapper);
    }

    /**
     * The metrics of a type ordinal ({@link #ANY_TYPE}: all) at least {@code minDurationMs} long,
     * oldest first.
     */
    public <T> List<T> matching(int type, double minDurationMs, RowMapper<T> mapper) {
        return reads.matching(type, minDurationMs, mapper);
    }

    /** Empties the buffer of recent metrics; the cumulative statistics are kept. */
    public void clear() {
        ring.clear();
    }

    /**
     * Resolves where calls of an operation are counted; registers the operation (or its overflow).
     *
     * @param type the type's ordinal
     */
    public Site site(int type, String name) {
        String limited = limiter.limit(name);
        OperationCounter counter = operations.counterFor(type, limited);
        return new Site(type, limited, counter, RowCode.operation(operations, counter, limited));
    }

    /**
     * The public path: arguments already checked; metadata as the caller gave it.
     *
     * @param type the type's ordinal
     * @param error whether the call counts as an error
     */
    public boolean record(int type, String name, double durationMs, Map<String, String> metadata, boolean error,
            boolean force) {
        durationMs += 0.0; // -0.0 becomes 0.0: statistics order values by their bit patterns
        long now = System.nanoTime();
        String limited = limiter.limit(name);
        OperationCounter counter = operations.counterFor(type, limited);
        long nanos = toNanos(durationMs);
        counter.record(nanos, error);
        Telemetry linked = telemetry;
        if (linked != null) {
            Map<String, String> safe = safe(metadata);
            return recordLinked(linked, new Site(type, limited, counter, RowCode.operation(operations, counter, limited)),
                    nanos, durationMs, now, safe, error, force || durationMs >= slowThresholdMs, linked.currentSpan());
        }
        if (!keeps(type, durationMs, force)) {
            return false;
        }
        addRow(RowCode.operation(operations, counter, limited), limited, safe(metadata), now, durationMs);
        return true;
    }

    /**
     * The pre-resolved path.
     *
     * @param metadata unmodifiable and within the length limit (see {@link #safe})
     */
    public boolean recordCall(Site site, long startNanos, long endNanos, Map<String, String> metadata,
            boolean error, boolean force) {
        long nanos = Math.max(0, endNanos - startNanos);
        site.counter.record(nanos, error);
        Telemetry linked = telemetry;
        if (linked != null) {
            return recordLinked(linked, site, nanos, nanos / 1_000_000.0, endNanos, metadata, error, force,
                    linked.currentSpan());
        }
        if (!(force || nanos > longestNotSlowNanos || sampled(site.type))) {
            return false;
        }
        // addRow's work written out: one call level less keeps the path within the JIT's inlining depth.
        long code = RowCode.withMetadata(site.code, metadata);
        ring.add(code, RowCode.extra(code, site.name, metadata), wallClock.millisAt(endNanos), nanos / 1_000_000.0);
        return true;
    }

    /**
     * The pre-resolved path for a call whose span was seen when it started, as an HTTP request's
     * server span is, rather than when it is recorded.
     *
     * @param span the span context {@code Telemetry.currentSpan()} gave then, or null for none
     */
    public boolean recordCallInSpan(Site site, long startNanos, long endNanos, Map<String, String> metadata,
            boolean error, Object span) {
        long nanos = Math.max(0, endNanos - startNanos);
        site.counter.record(nanos, error);
        Telemetry linked = telemetry;
        if (linked != null) {
            return recordLinked(linked, site, nanos, nanos / 1_000_000.0, endNanos, metadata, error, false, span);
        }
        return keepsCall(site, nanos, false) && addCall(site, nanos / 1_000_000.0, endNanos, metadata);
    }

    /** The span current now, as {@link #recordCallInSpan} takes it, or null when none or unlinked. */
    public Object currentSpan() {
        Telemetry linked = telemetry;
        return linked == null ? null : linked.currentSpan();
    }

    /**
     * A counted call where the buffer is linked to OpenTelemetry: its exemplar and its ids when
     * traced, its row when kept, and its measurement in the bridged histogram, last, so a failing
     * OpenTelemetry costs nothing else.
     */
    private boolean recordLinked(Telemetry linked, Site site, long nanos, double durationMs, long endNanos,
            Map<String, String> metadata, boolean error, boolean force, Object span) {
        boolean kept = keepsCall(site, nanos, force);
        if (span != null) {
            String traceId = Spans.traceId(span);
            String spanId = Spans.spanId(span);
            site.counter.offerExemplar(nanos, traceId, spanId, wallClock.millisAt(endNanos));
            if (kept) {
                addCall(site, durationMs, endNanos, TelemetryRecording.withIds(metadata, traceId, spanId));
            }
        } else if (kept) {
            addCall(site, durationMs, endNanos, metadata);
        }
        TelemetryRecording.observe(linked, site.counter, nanos, error, metadata);
        return kept;
    }

    private boolean keepsCall(Site site, long nanos, boolean force) {
        return force || nanos > longestNotSlowNanos || sampled(site.type);
    }

    private boolean addCall(Site site, double durationMs, long endNanos, Map<String, String> metadata) {
        long code = RowCode.withMetadata(site.code, metadata);
        ring.add(code, RowCode.extra(code, site.name, metadata), wallClock.millisAt(endNanos), durationMs);
        return true;
    }

    /**
     * The largest {@code n >= 0} with {@code n / 1e6 < thresholdMs} ({@code -1} if none; {@code
     * Long.MAX_VALUE} if all): the recording path then compares nanoseconds and divides only for
     * the calls it keeps, with the same answers as comparing the milliseconds, since dividing by a
     * positive constant keeps the order.
     */
    static long longestNanosBelow(double thresholdMs) {
        if (Long.MAX_VALUE / 1_000_000.0 < thresholdMs) {
            return Long.MAX_VALUE;
        }
        long low = 0;
        long high = Long.MAX_VALUE;
        while (low < high) { // invariant: the least n reaching the threshold is within [low, high]
            long middle = low + (high - low) / 2;
            if (middle / 1_000_000.0 >= thresholdMs) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low - 1;
    }

    /** Writes a kept call's row: its operation code with the metadata's kind, and its timestamp. */
    private void addRow(long operation, String name, Map<String, String> metadata, long nanoTime, double durationMs) {
        long code = RowCode.withMetadata(operation, metadata);
        ring.add(code, RowCode.extra(code, name, metadata), wallClock.millisAt(nanoTime), durationMs);
    }

    private boolean keeps(int type, double durationMs, boolean force) {
        return force || durationMs >= slowThresholdMs || sampled(type);
    }

    private boolean sampled(int type) {
        double rate = samplingRates.get(type);
        return rate >= 1.0 || (rate > 0.0 && ThreadLocalRandom.current().nextDouble() < rate);
    }

    /**
     * Returns an unmodifiable map within the length limit: the map itself when it is one of the
     * JDK's immutable maps (whose contents cannot change) and already within the limit, else a
     * limited copy.
     */
    public Map<String, String> safe(Map<String, String> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return Map.of();
        }
        if (metadata == Outcomes.SUCCESS_METADATA || limiter.keepsAsIs(metadata)) {
            return metadata;
        }
        return limiter.limit(metadata);
    }

    private static long toNanos(double durationMs) {
        double nanos = durationMs * 1_000_000.0;
        return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) nanos;
    }
}
