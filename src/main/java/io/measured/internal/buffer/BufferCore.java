package io.measured.internal.buffer;

import io.measured.Metric;
import io.measured.OperationType;
import io.measured.internal.stats.BucketBounds;
import io.measured.internal.stats.History;
import io.measured.internal.stats.OperationCounter;
import io.measured.internal.stats.OperationRegistry;
import io.measured.internal.stats.Outcomes;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Everything a {@code MetricsBuffer} holds, and its recording paths: the checked public one, and
 * {@link #recordCall}, which takes a pre-resolved {@link Site} and the nanoTime readings its caller
 * already made, so a call costs no lookup, no extra clock read and no allocation. Thread-safe:
 * recording takes no lock and keeps no per-thread state.
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
    private final WallClock wallClock;
    private final History history;

    /** Arguments are checked by the public builder. */
    public BufferCore(int maxSize, Map<OperationType, Double> rates, int maxOperations, int metadataMaxLength,
            double slowThresholdMs, Clock clock, List<Double> bucketBounds, String overflowName) {
        this.operations = new OperationRegistry(maxOperations, overflowName, new BucketBounds(bucketBounds));
        this.ring = new MetricRing(maxSize);
        this.reads = new RingReads(ring, operations, PROCESS_ID);
        this.statistics = new BufferStatistics(ring);
        this.samplingRates = new SamplingRates(rates);
        this.limiter = new MetadataLimiter(metadataMaxLength);
        this.slowThresholdMs = slowThresholdMs;
        this.wallClock = WallClock.of(clock);
        this.history = new History(operations, () -> wallClock.millisAt(System.nanoTime()));
    }

    /**
     * The heap a buffer of {@code maxSize} takes once created and read, before metadata: its rows
     * and the statistics' private copy of them.
     */
    public static long bytesFor(int maxSize) {
        return (long) maxSize * (MetricRing.BYTES_PER_ROW + RingShadow.BYTES_PER_SLOT);
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

    /** Every metric held, oldest first; allocates in proportion to the rows held. */
    public List<Metric> all() {
        return reads.all();
    }

    /**
     * The newest {@code count} metrics at most of a type (null: all), newest first; allocates in
     * proportion to the answer.
     */
    public List<Metric> recent(int count, OperationType typeOrNull) {
        return reads.recent(count, typeOrNull);
    }

    /** The metrics of a type (null: all) at least {@code minDurationMs} long, oldest first. */
    public List<Metric> matching(OperationType typeOrNull, double minDurationMs) {
        return reads.matching(typeOrNull, minDurationMs);
    }

    /** Empties the buffer of recent metrics; the cumulative statistics are kept. */
    public void clear() {
        ring.clear();
    }

    /** Resolves where calls of an operation are counted; registers the operation (or its overflow). */
    public Site site(OperationType type, String name) {
        String limited = limiter.limit(name);
        OperationCounter counter = operations.counterFor(type, limited);
        return new Site(type, limited, counter, RowCode.operation(operations, counter, limited));
    }

    /** The public path: arguments already checked; metadata as the caller gave it. */
    public boolean record(OperationType type, String name, double durationMs, Map<String, String> metadata,
            boolean force) {
        durationMs += 0.0; // -0.0 becomes 0.0: statistics order values by their bit patterns
        long now = System.nanoTime();
        history.tick(now); // before counting: a slot this closes gets the calls before this one, this one opens the next
        String limited = limiter.limit(name);
        OperationCounter counter = operations.counterFor(type, limited);
        counter.record(toNanos(durationMs), Outcomes.isError(type, metadata));
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
        history.tick(endNanos); // before counting: a slot this closes gets the calls before this one
        site.counter.record(nanos, error);
        double durationMs = nanos / 1_000_000.0;
        if (!keeps(site.type, durationMs, force)) {
            return false;
        }
        addRow(site.code, site.name, metadata, endNanos, durationMs);
        return true;
    }

    /** Writes a kept call's row: its operation code with the metadata's kind, and its timestamp. */
    private void addRow(long operation, String name, Map<String, String> metadata, long nanoTime, double durationMs) {
        long code = RowCode.withMetadata(operation, metadata);
        ring.add(code, RowCode.extra(code, name, metadata), wallClock.millisAt(nanoTime), durationMs);
    }

    private boolean keeps(OperationType type, double durationMs, boolean force) {
        if (force || durationMs >= slowThresholdMs) {
            return true;
        }
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
