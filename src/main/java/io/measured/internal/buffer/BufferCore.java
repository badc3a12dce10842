package io.measured.internal.buffer;

import io.measured.OperationType;
import io.measured.internal.stats.BucketBounds;
import io.measured.internal.stats.OperationCounter;
import io.measured.internal.stats.OperationRegistry;
import io.measured.internal.stats.Stripes;
import io.measured.internal.stats.Outcomes;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Everything a {@code MetricsBuffer} holds, and its recording paths: the checked public one, and
 * {@link #recordCall}, which the interceptor uses with a pre-resolved {@link Site} and the
 * nanoTime readings it already made, so a call costs no lookup, no extra clock read and no
 * allocation.
 */
public final class BufferCore {

    private static final long PROCESS_ID = ProcessHandle.current().pid();

    private final StripedRing ring;
    private final BufferStatistics statistics;
    private final SamplingRates samplingRates;
    private final OperationRegistry operations;
    private final MetadataLimiter limiter;
    private final double slowThresholdMs;
    private final WallClock wallClock;
    private final LimitedCache limitedCache = new LimitedCache();

    /** Arguments are checked by the public builder. */
    public BufferCore(int maxSize, Map<OperationType, Double> rates, int maxOperations, int metadataMaxLength,
            double slowThresholdMs, Clock clock, List<Double> bucketBounds, String overflowName) {
        this.operations = new OperationRegistry(maxOperations, overflowName, new BucketBounds(bucketBounds));
        this.ring = new StripedRing(maxSize, Stripes.COUNT, PROCESS_ID, operations);
        this.statistics = new BufferStatistics(ring);
        this.samplingRates = new SamplingRates(rates);
        this.limiter = new MetadataLimiter(metadataMaxLength);
        this.slowThresholdMs = slowThresholdMs;
        this.wallClock = WallClock.of(clock);
    }

    public StripedRing ring() {
        return ring;
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

    public double slowThresholdMs() {
        return slowThresholdMs;
    }

    public long processId() {
        return PROCESS_ID;
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
        String limited = limiter.limit(name);
        OperationCounter counter = operations.counterFor(type, limited);
        counter.record(toNanos(durationMs), Outcomes.isError(type, metadata));
        if (!keeps(type, durationMs, force)) {
            return false;
        }
        addRow(RowCode.operation(operations, counter, limited), limited, safe(metadata), System.nanoTime(), durationMs);
        return true;
    }

    /**
     * The interceptor's path.
     *
     * @param metadata unmodifiable and within the length limit (see {@link #safe})
     */
    public boolean recordCall(Site site, long startNanos, long endNanos, Map<String, String> metadata,
            boolean error, boolean force) {
        long nanos = Math.max(0, endNanos - startNanos);
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
        ring.add(code, RowCode.extra(code, name, metadata), wallClock.millisAt(nanoTime), nanoTime, durationMs);
    }

    private boolean keeps(OperationType type, double durationMs, boolean force) {
        if (force || durationMs >= slowThresholdMs) {
            return true;
        }
        double rate = samplingRates.get(type);
        return rate >= 1.0 || (rate > 0.0 && ThreadLocalRandom.current().nextDouble() < rate);
    }

    /**
     * Returns an unmodifiable copy within the length limit. The last immutable map seen is
     * remembered by identity, so a constant map (such as outcome=success) is copied once.
     */
    public Map<String, String> safe(Map<String, String> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return Map.of();
        }
        return limitedCache.limited(metadata, limiter);
    }

    private static long toNanos(double durationMs) {
        double nanos = durationMs * 1_000_000.0;
        return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) nanos;
    }
}
