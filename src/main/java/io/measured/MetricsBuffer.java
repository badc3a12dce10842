package io.measured;

import io.measured.internal.buffer.BufferCore;
import io.measured.internal.buffer.CoreAccess;
import io.measured.internal.buffer.MetadataLimiter;
import io.measured.internal.buffer.SamplingRates;
import io.measured.internal.stats.BucketBounds;
import io.measured.internal.stats.History;
import io.measured.internal.stats.OperationTable;
import io.measured.internal.stats.Outcomes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A bounded, thread-safe buffer of the most recent operations of this process, with per-type
 * sampling, plus cumulative per-operation statistics of every call since creation.
 *
 * <p>Every {@code record} call counts in the cumulative statistics ({@link #getOperationStats()});
 * sampling only decides whether the call also enters the buffer. The buffer keeps the newest
 * records in the order they were recorded, under any number of threads at any relative pace:
 * <ul>
 *   <li>it never holds more than {@link #getMaxSize()} records;</li>
 *   <li>no record is evicted while an older record of the same thread is kept: each thread's
 *       kept records are its newest, in its own order;</li>
 *   <li>once writers stop, it holds exactly {@code min(records, maxSize)} records (counted since
 *       the last {@link #clear()});</li>
 *   <li>{@link #getAll()} lists them oldest to newest and {@link #getRecent(int)} newest first, in
 *       that one order.</li>
 * </ul>
 * All methods may be called from any thread at any time. Recording never waits for another
 * thread: each {@code record} completes in a bounded number of its own steps whatever other threads
 * do or fail to do (no lock, no spinning), and keeps no per-thread state, so virtual threads cost
 * what platform threads cost. The one exception to the list above: a writer stopped in the middle
 * of its record (preempted while the buffer wraps around past it, or hit by an {@code Error} such
 * as a {@link StackOverflowError}) may lose that record, and the newer record written into its
 * place meanwhile; it never blocks or corrupts anything else, and a query never returns a
 * half-written record.
 * Queries return snapshots: unmodifiable lists that later records do not change, allocated in
 * proportion to their answer, not to the capacity.
 *
 * <p>In a CDI application, {@code @Inject MetricsBuffer} gets the application's buffer, configured
 * from {@code measured.*} settings. The class is not final only so that CDI can proxy it.
 */
public class MetricsBuffer {

    /** The default capacity: 1000 metrics. */
    public static final int DEFAULT_MAX_SIZE = 1000;
    /**
     * The largest capacity: 10,000,000 metrics. A buffer takes at most 58 bytes of heap per metric
     * of capacity once created and its statistics read (54 with compressed references): 580 MB at
     * this size, 58 KB at the default. The metadata of the records it holds comes on top.
     */
    public static final int LARGEST_MAX_SIZE = 10_000_000;
    /** The default cap on distinct operations in the cumulative statistics: 1000. */
    public static final int DEFAULT_MAX_OPERATIONS = 1000;
    /** The largest cap on distinct operations in the cumulative statistics: 100,000. */
    public static final int LARGEST_MAX_OPERATIONS = 100_000;
    /** The default limit on the length of operation names and metadata keys and values: 256. */
    public static final int DEFAULT_METADATA_MAX_LENGTH = 256;
    /**
     * The default upper bounds of the cumulative latency histograms, in seconds: 0.5 ms to 30 s.
     */
    public static final List<Double> DEFAULT_HISTOGRAM_BUCKETS = BucketBounds.DEFAULT_SECONDS;
    /** The operation name that collects the calls of operations beyond the distinct-operation cap. */
    public static final String OVERFLOW_OPERATION = "other";

    static {
        CoreAccess.grant(buffer -> ((MetricsBuffer) buffer).core());
    }

    /** Set once; null only in an instance made by the proxy constructor until it is first used. */
    private volatile BufferCore core;

    /**
     * Creates a buffer of the given capacity that records every call.
     *
     * @param maxSize the capacity; {@code 1 .. }{@link #LARGEST_MAX_SIZE}
     * @throws IllegalArgumentException if {@code maxSize} is out of range
     */
    public MetricsBuffer(int maxSize) {
        this(builder().maxSize(maxSize));
    }

    /**
     * Creates a buffer with one sampling rate for every type.
     *
     * @param maxSize the capacity; {@code 1 .. }{@link #LARGEST_MAX_SIZE}
     * @param samplingRate the fraction of calls kept; {@code 0.0 .. 1.0}
     * @throws IllegalArgumentException if an argument is out of range or NaN
     */
    public MetricsBuffer(int maxSize, double samplingRate) {
        this(builder().maxSize(maxSize).samplingRate(samplingRate));
    }

    /**
     * Creates a buffer with a sampling rate per type; a type missing from the map gets 1.0.
     *
     * @param maxSize the capacity; {@code 1 .. }{@link #LARGEST_MAX_SIZE}
     * @param samplingRates rates in {@code 0.0 .. 1.0}; not null, no null key or value
     * @throws IllegalArgumentException if an argument is null, out of range or NaN
     */
    public MetricsBuffer(int maxSize, Map<OperationType, Double> samplingRates) {
        this(builder().maxSize(maxSize).samplingRates(samplingRates));
    }

    /**
     * For CDI client proxies, which delegate every call and never use their own state. It
     * allocates nothing; should such an instance be used directly, it becomes a buffer with the
     * defaults on first use.
     */
    protected MetricsBuffer() {
    }

    private MetricsBuffer(Builder builder) {
        this.core = builder.newCore();
    }

    private BufferCore core() {
        BufferCore current = core;
        return current != null ? current : defaultCore();
    }

    private synchronized BufferCore defaultCore() {
        if (core == null) {
            core = builder().newCore();
        }
        return core;
    }

    /**
     * Returns a builder for a buffer with more settings than the constructors take.
     *
     * @return a new builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Records a call without metadata, subject to sampling. Thread-safe.
     *
     * @param type the operation's type; not null
     * @param name the operation's name; not null
     * @param durationMs the duration in milliseconds; finite and {@code >= 0}
     * @return whether the call entered the buffer (it always counts in the statistics)
     * @throws IllegalArgumentException if the type or name is null, or the duration is negative,
     *         NaN or infinite
     * @see #record(OperationType, String, double, Map, boolean)
     */
    public boolean record(OperationType type, String name, double durationMs) {
        return record(type, name, durationMs, Map.of(), false);
    }

    /**
     * Records a call with metadata, subject to sampling. Thread-safe.
     *
     * @param type the operation's type; not null
     * @param name the operation's name; not null
     * @param durationMs the duration in milliseconds; finite and {@code >= 0}
     * @param metadata extra facts, cut to the metadata limits; null means none
     * @return whether the call entered the buffer (it always counts in the statistics)
     * @throws IllegalArgumentException if the type or name is null, or the duration is negative,
     *         NaN or infinite
     * @see #record(OperationType, String, double, Map, boolean)
     */
    public boolean record(OperationType type, String name, double durationMs, Map<String, String> metadata) {
        return record(type, name, durationMs, metadata, false);
    }

    /**
     * Records a call. It always counts in the cumulative statistics; it enters the buffer when
     * {@code force} is true, when its duration reaches the slow threshold (if one was built in), or
     * when sampling picks it. Thread-safe, lock-free.
     *
     * @param type the operation type; not null
     * @param name the operation name; not null; cut to the metadata length limit
     * @param durationMs the duration in milliseconds; finite and {@code >= 0}
     * @param metadata extra facts; copied; null means none; null keys are dropped, null values
     *        are stored as {@code "null"}, keys and values are cut to the metadata length limit.
     *        {@code outcome=error} counts the call as an error.
     * @param force true to bypass sampling
     * @return true if the call entered the buffer, false if sampling skipped it
     * @throws IllegalArgumentException if the type or name is null, or the duration is negative,
     *         NaN or infinite
     */
    public boolean record(OperationType type, String name, double durationMs,
            Map<String, String> metadata, boolean force) {
        requireType(type);
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        if (!(durationMs >= 0) || Double.isInfinite(durationMs)) {
            throw new IllegalArgumentException("durationMs must be finite and >= 0, was " + durationMs);
        }
        return core().record(type.ordinal(), name, durationMs, metadata,
                Outcomes.isError(type == OperationType.HTTP, metadata), force);
    }

    private static void requireType(OperationType type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null; valid types are " + OperationType.validKeys());
        }
    }

    /**
     * Returns a recorder of one operation's calls, which records without looking the operation up
     * again: for code
     * that times the same operation on every call, as the library's interceptor and HTTP timing
     * do. The operation is registered in the cumulative statistics at once (or counted under
     * {@value #OVERFLOW_OPERATION} when the cap is reached). Calls through the recorder go straight
     * to this buffer, bypassing any override of {@code record} in a subclass.
     *
     * @param type the operation type; not null
     * @param name the operation name; not null; cut to the metadata length limit
     * @return a recorder, immutable and thread-safe; never null
     * @throws IllegalArgumentException if the type or name is null
     */
    public OperationRecorder recorder(OperationType type, String name) {
        requireType(type);
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        BufferCore target = core();
        return new OperationRecorder(target, type, target.site(type.ordinal(), name));
    }

    /**
     * Returns the buffered metrics, oldest first.
     *
     * @return an unmodifiable snapshot; never null
     */
    public List<Metric> getAll() {
        return Collections.unmodifiableList(core().all(CoreViews.METRIC));
    }

    /**
     * Returns the newest metrics, newest first.
     *
     * @param count how many at most; {@code >= 0}; more than the buffer holds returns all
     * @return an unmodifiable snapshot of at most {@code count} metrics; never null
     * @throws IllegalArgumentException if {@code count < 0}
     */
    public List<Metric> getRecent(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        return Collections.unmodifiableList(core().recent(count, BufferCore.ANY_TYPE, CoreViews.METRIC));
    }

    /**
     * Returns the newest metrics of one type, newest first, reading no further back than needed.
     *
     * @param count how many at most; {@code >= 0}
     * @param type the type; not null
     * @return an unmodifiable snapshot of at most {@code count} metrics; never null
     * @throws IllegalArgumentException if {@code count < 0} or the type is null
     */
    public List<Metric> getRecent(int count, OperationType type) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        requireType(type);
        return Collections.unmodifiableList(core().recent(count, type.ordinal(), CoreViews.METRIC));
    }

    /**
     * Returns the buffered metrics of one type, oldest first.
     *
     * @param type the type; not null
     * @return an unmodifiable snapshot; never null
     * @throws IllegalArgumentException if {@code type} is null
     */
    public List<Metric> getByType(OperationType type) {
        requireType(type);
        return Collections.unmodifiableList(core().matching(type.ordinal(), 0.0, CoreViews.METRIC));
    }

    /**
     * Returns the buffered metrics at least as slow as a threshold, oldest first.
     *
     * @param thresholdMs the threshold in milliseconds; finite and {@code >= 0}
     * @param typeOrNull a type to keep only, or null for every type
     * @return an unmodifiable snapshot of metrics with {@code durationMs >= thresholdMs}
     * @throws IllegalArgumentException if the threshold is negative, NaN or infinite
     */
    public List<Metric> getSlowOperations(double thresholdMs, OperationType typeOrNull) {
        if (!(thresholdMs >= 0) || Double.isInfinite(thresholdMs)) {
            throw new IllegalArgumentException("thresholdMs must be finite and >= 0, was " + thresholdMs);
        }
        return Collections.unmodifiableList(core().matching(typeOrNull == null ? BufferCore.ANY_TYPE
                : typeOrNull.ordinal(), thresholdMs, CoreViews.METRIC));
    }

    /**
     * Returns statistics over the buffer's current contents: per type the count, the average, and
     * the exact minimum, maximum and nearest-rank p50, p95 and p99 of the durations held.
     * Thread-safe; calls are serialized with each other, never with recording. The statistics are
     * kept up to date incrementally, so a call costs the records made since the previous call plus
     * one light pass over the buffer, never a sort.
     *
     * @return a snapshot holding every type; never null
     */
    public MetricsStats getStats() {
        BufferCore current = core();
        Map<OperationType, TypeStats> byType = CoreViews.types(current.statistics().byType());
        int total = 0;
        for (TypeStats stats : byType.values()) {
            total += (int) stats.count();
        }
        return new MetricsStats(total, current.capacity(), current.processId(), CoreViews.rates(current.samplingRates()),
                byType);
    }

    /**
     * Returns the cumulative statistics of every operation recorded since creation, sampled or
     * not, ordered by type then name. Its cost grows with the number of distinct operations, not
     * with the number of calls: each operation's counters are read once, into a compact table of
     * numbers that the list shows, and each element is made when it is read. Thread-safe.
     *
     * @return an unmodifiable snapshot; never null
     */
    public List<OperationStats> getOperationStats() {
        return new OperationStatsList(core().operations().table(OperationTable.ALL_TYPES));
    }

    /**
     * Returns what happened per type in each 10-second slot of the last 15 minutes, oldest first,
     * counted from the cumulative statistics (every call, sampled or not). A slot closes when a
     * call or a read finds its end passed; one in which nothing did is left out and its calls count
     * in the next slot listed (an idle application has none). Thread-safe; costs the number of
     * operations, not of calls.
     *
     * @return at most 90 slots; never null
     */
    public List<HistorySlot> getHistory() {
        List<HistorySlot> slots = new ArrayList<>();
        for (History.Slot slot : core().history().slots()) {
            slots.add(new HistorySlot(java.time.Instant.ofEpochMilli(slot.startMillis()), History.SLOT_SECONDS,
                    CoreViews.totals(slot, History.SLOT_SECONDS)));
        }
        return Collections.unmodifiableList(slots);
    }

    /**
     * Returns per type what was called since this buffer was created (every call, sampled or not),
     * with calls per second over that time. Thread-safe; costs the number of operations.
     *
     * @return every type, with zeros where nothing was called; never null
     */
    public Map<OperationType, HistorySlot.Totals> getTotalsSinceStart() {
        History history = core().history();
        return CoreViews.totals(history.sinceStart(), history.secondsSinceStart());
    }

    /**
     * Empties the buffer: records made before the call are no longer returned. The cumulative
     * statistics are kept. Records racing with it may survive. The space the cleared records took
     * (their metadata included) is reused by later records, as when they are evicted.
     */
    public void clear() {
        core().clear();
    }

    /**
     * Changes the sampling rate of a type; takes effect for the next record on any thread.
     *
     * @param type the type; not null
     * @param rate the fraction of calls kept; {@code 0.0 .. 1.0}
     * @throws IllegalArgumentException if the type is null or the rate is out of range or NaN
     */
    public void setSamplingRate(OperationType type, double rate) {
        requireType(type);
        SamplingRates.checkRate("sampling rate for type " + type.key(), rate);
        core().samplingRates().set(type.ordinal(), rate);
    }

    /**
     * Returns the sampling rate of a type.
     *
     * @param type the type; not null
     * @return the rate, in {@code 0.0 .. 1.0}
     * @throws IllegalArgumentException if the type is null
     */
    public double getSamplingRate(OperationType type) {
        requireType(type);
        return core().samplingRates().get(type.ordinal());
    }

    /**
     * Returns how many metrics the buffer holds now, without copying them. Thread-safe; with
     * concurrent writers the answer may be a moment old.
     *
     * @return {@code 0 .. getMaxSize()}
     */
    public int size() {
        return core().size();
    }

    /**
     * Returns the capacity.
     *
     * @return the most metrics the buffer holds; {@code >= 1}
     */
    public int getMaxSize() {
        return core().capacity();
    }

    /**
     * Returns the longest operation name, metadata key or metadata value kept; longer ones are cut.
     *
     * @return the limit in chars; {@code 16 .. 65,536}
     */
    public int getMetadataMaxLength() {
        return core().metadataMaxLength();
    }

    /**
     * Returns the duration at or above which calls enter the buffer regardless of sampling.
     *
     * @return the threshold in milliseconds; {@code >= 0}, or positive infinity when there is none
     */
    public double getSlowThresholdMs() {
        return core().slowThresholdMs();
    }

    /**
     * Builds a {@link MetricsBuffer}. Not thread-safe; each setter checks its argument at once.
     */
    public static final class Builder {

        private int maxSize = DEFAULT_MAX_SIZE;
        private double[] samplingRates = CoreViews.rates(Map.of());
        private double slowThresholdMs = Double.POSITIVE_INFINITY;
        private int maxOperations = DEFAULT_MAX_OPERATIONS;
        private int metadataMaxLength = DEFAULT_METADATA_MAX_LENGTH;
        private Clock clock = Clock.systemUTC();
        private List<Double> bucketBounds = BucketBounds.DEFAULT_SECONDS;

        private Builder() {
        }

        /**
         * Sets the capacity: how many of the newest records the buffer keeps.
         *
         * @param maxSize the capacity; {@code 1 .. }{@link #LARGEST_MAX_SIZE}; default {@value #DEFAULT_MAX_SIZE}
         * @return this builder
         * @throws IllegalArgumentException if {@code maxSize} is out of range
         */
        public Builder maxSize(int maxSize) {
            if (maxSize < 1 || maxSize > LARGEST_MAX_SIZE) {
                throw new IllegalArgumentException(
                        "maxSize must be within 1 .. " + LARGEST_MAX_SIZE + ", was " + maxSize);
            }
            this.maxSize = maxSize;
            return this;
        }

        /**
         * Sets one sampling rate for every type.
         *
         * @param rate one sampling rate for every type; {@code 0.0 .. 1.0}; default 1.0
         * @return this builder
         * @throws IllegalArgumentException if the rate is out of range or NaN
         */
        public Builder samplingRate(double rate) {
            SamplingRates.checkRate("samplingRate", rate);
            double[] rates = new double[OperationType.values().length];
            Arrays.fill(rates, rate);
            this.samplingRates = rates;
            return this;
        }

        /**
         * Sets a sampling rate per type.
         *
         * @param rates a sampling rate per type in {@code 0.0 .. 1.0}; missing types get 1.0
         * @return this builder
         * @throws IllegalArgumentException if the map is null, has a null key or value, or a rate
         *         out of range or NaN
         */
        public Builder samplingRates(Map<OperationType, Double> rates) {
            this.samplingRates = CoreViews.rates(rates);
            return this;
        }

        /**
         * Sets the slow threshold: calls at least this long always enter the buffer.
         *
         * @param thresholdMs calls at least this slow enter the buffer regardless of sampling;
         *        {@code >= 0}, or positive infinity for none (the default)
         * @return this builder
         * @throws IllegalArgumentException if negative or NaN
         */
        public Builder slowThresholdMs(double thresholdMs) {
            if (!(thresholdMs >= 0)) {
                throw new IllegalArgumentException("slowThresholdMs must be >= 0, was " + thresholdMs);
            }
            this.slowThresholdMs = thresholdMs;
            return this;
        }

        /**
         * Sets the cap on distinct operations in the cumulative statistics.
         *
         * @param maxOperations the cap on distinct operations in the cumulative statistics;
         *        {@code 1 .. 100,000}; default {@value #DEFAULT_MAX_OPERATIONS}; calls beyond it
         *        count under {@value #OVERFLOW_OPERATION}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxOperations(int maxOperations) {
            if (maxOperations < 1 || maxOperations > LARGEST_MAX_OPERATIONS) {
                throw new IllegalArgumentException(
                        "maxOperations must be within 1 .. " + LARGEST_MAX_OPERATIONS + ", was " + maxOperations);
            }
            this.maxOperations = maxOperations;
            return this;
        }

        /**
         * Sets the longest operation name, metadata key or value kept.
         *
         * @param maxLength the longest operation name, metadata key or value kept, in chars;
         *        {@code 16 .. 65,536}; default {@value #DEFAULT_METADATA_MAX_LENGTH}; longer ones
         *        are cut
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder metadataMaxLength(int maxLength) {
            if (maxLength < MetadataLimiter.MIN_LENGTH || maxLength > MetadataLimiter.MAX_LENGTH) {
                throw new IllegalArgumentException("metadataMaxLength must be within "
                        + MetadataLimiter.MIN_LENGTH + " .. " + MetadataLimiter.MAX_LENGTH + ", was " + maxLength);
            }
            this.metadataMaxLength = maxLength;
            return this;
        }

        /**
         * Sets the upper bounds of the cumulative latency histograms.
         *
         * @param upperBoundsSeconds the upper bounds of every operation's cumulative latency
         *        histogram, in seconds: 1 .. 64 bounds, each within (0, 1e9], strictly increasing;
         *        a last +Inf bucket is implied; default {@link #DEFAULT_HISTOGRAM_BUCKETS}
         * @return this builder
         * @throws IllegalArgumentException naming the offending bound
         */
        public Builder histogramBuckets(List<Double> upperBoundsSeconds) {
            new BucketBounds(upperBoundsSeconds);
            this.bucketBounds = List.copyOf(upperBoundsSeconds);
            return this;
        }

        /**
         * Sets the clock that gives records their timestamps.
         *
         * @param clock the source of metric timestamps; not null; default the UTC system clock
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock must not be null");
            }
            this.clock = clock;
            return this;
        }

        /**
         * Builds a buffer with these settings. The builder may be used again.
         *
         * @return a new buffer with these settings
         */
        public MetricsBuffer build() {
            return new MetricsBuffer(this);
        }

        private BufferCore newCore() {
            return new BufferCore(maxSize, samplingRates, maxOperations, metadataMaxLength, slowThresholdMs, clock,
                    bucketBounds, OVERFLOW_OPERATION);
        }
    }
}
