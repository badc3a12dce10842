package io.measured;

import io.measured.internal.buffer.BufferCore;
import io.measured.internal.buffer.CoreAccess;
import io.measured.internal.buffer.Site;
import io.measured.internal.stats.Outcomes;
import java.util.Map;

/**
 * Records the calls of one operation into a {@link MetricsBuffer}, resolved once by
 * {@link MetricsBuffer#recorder(OperationType, String)}: a call costs no lookup and, for a
 * success, no allocation. Durations come from two {@link System#nanoTime()} readings the caller
 * makes around the call; the metric's timestamp is derived from the second.
 *
 * <pre>{@code
 * OperationRecorder findAll = buffer.recorder(OperationType.DATABASE, "NoteRepository.findAll");
 * long start = System.nanoTime();
 * try {
 *     return repository.findAll();
 * } catch (RuntimeException e) {
 *     findAll.record(start, System.nanoTime(), e);
 *     throw e;
 * } ...
 * }</pre>
 *
 * <p>Every call counts in the buffer's cumulative statistics; it enters the buffer of recent calls
 * when sampling picks it or when it reaches the buffer's slow threshold. Immutable and
 * thread-safe; recording never waits for a lock.
 */
public final class OperationRecorder {

    static {
        CoreAccess.grantSites(recorder -> ((OperationRecorder) recorder).site,
                (recorder, start, end, metadata, span) -> ((OperationRecorder) recorder).recordInSpan(start, end, metadata, span));
    }

    private final BufferCore core;
    private final OperationType type;
    private final Site site;
    /** What {@link #record(long, long)} records: checked and cut once, when this recorder was made. */
    private final Map<String, String> metadata;
    private final boolean metadataIsError;

    OperationRecorder(BufferCore core, OperationType type, Site site) {
        this(core, type, site, Outcomes.SUCCESS_METADATA, false);
    }

    private OperationRecorder(BufferCore core, OperationType type, Site site, Map<String, String> metadata,
            boolean metadataIsError) {
        this.core = core;
        this.type = type;
        this.site = site;
        this.metadata = metadata;
        this.metadataIsError = metadataIsError;
    }

    /**
     * Returns a recorder of the same operation whose {@link #record(long, long)} records the given
     * metadata instead of {@code outcome=success}: for calls that always carry the same facts (a
     * statement's SQL text, say), checked and cut to the length limits once, here, so that each
     * call allocates nothing. The other {@code record} methods are unchanged.
     *
     * @param metadata the metadata of every {@link #record(long, long)}; copied and cut as
     *        {@link #record(long, long, Map)} does; null means none; with {@code outcome=error} (or
     *        for HTTP a {@code status} of 500 or more) every such call counts as an error
     * @return a recorder of the same operation; thread-safe like this one
     */
    public OperationRecorder withMetadata(Map<String, String> metadata) {
        Map<String, String> safe = core.safe(metadata);
        return new OperationRecorder(core, type, site, safe, isError(safe));
    }

    /**
     * Returns the operation type calls are recorded under.
     *
     * @return the type; never null
     */
    public OperationType type() {
        return type;
    }

    /**
     * Returns the operation name calls are recorded under, cut to the buffer's length limit. It is
     * the name given even when the calls are counted under {@value MetricsBuffer#OVERFLOW_OPERATION}.
     *
     * @return the name; never null
     */
    public String name() {
        return site.name();
    }

    /**
     * Records a successful call, with metadata {@code outcome=success} (or that given to
     * {@link #withMetadata}).
     *
     * @param startNanoTime {@code System.nanoTime()} when the call started
     * @param endNanoTime {@code System.nanoTime()} when it ended; a value before the start counts
     *        as a zero duration
     * @return true if the call entered the buffer of recent calls, false if sampling skipped it
     */
    public boolean record(long startNanoTime, long endNanoTime) {
        return core.recordCall(site, startNanoTime, endNanoTime, metadata, metadataIsError, false);
    }

    /**
     * Records a call that threw, with metadata {@code outcome=error} and
     * {@code exception=<class name>}, or a successful one when {@code failure} is null.
     *
     * @param startNanoTime {@code System.nanoTime()} when the call started
     * @param endNanoTime {@code System.nanoTime()} when it ended
     * @param failure what the call threw, or null for success
     * @return true if the call entered the buffer of recent calls, false if sampling skipped it
     */
    public boolean record(long startNanoTime, long endNanoTime, Throwable failure) {
        if (failure == null) {
            // Not through record(long, long): one call level less keeps the path within the JIT's inlining depth.
            return core.recordCall(site, startNanoTime, endNanoTime, metadata, metadataIsError, false);
        }
        Map<String, String> metadata = core.safe(Map.of(Outcomes.OUTCOME, Outcomes.ERROR,
                Outcomes.EXCEPTION, failure.getClass().getName()));
        return core.recordCall(site, startNanoTime, endNanoTime, metadata, true, false);
    }

    /**
     * Records a call with metadata of the caller's; {@code outcome=error}, or for HTTP a
     * {@code status} of 500 or more, counts it as an error.
     *
     * @param startNanoTime {@code System.nanoTime()} when the call started
     * @param endNanoTime {@code System.nanoTime()} when it ended
     * @param metadata extra facts; copied unless it is an immutable {@code Map.of} within the length
     *        limit; null means none; null keys are dropped, null values stored as {@code "null"}
     * @return true if the call entered the buffer of recent calls, false if sampling skipped it
     */
    public boolean record(long startNanoTime, long endNanoTime, Map<String, String> metadata) {
        return core.recordCall(site, startNanoTime, endNanoTime, core.safe(metadata),
                isError(metadata), false);
    }

    @Override
    public String toString() {
        return "OperationRecorder[" + type.key() + " " + site.name() + "]";
    }

    private boolean recordInSpan(long startNanoTime, long endNanoTime, Map<String, String> metadata, Object span) {
        return core.recordCallInSpan(site, startNanoTime, endNanoTime, core.safe(metadata), isError(metadata), span);
    }

    private boolean isError(Map<String, String> metadata) {
        return Outcomes.isError(type == OperationType.HTTP, metadata);
    }
}
