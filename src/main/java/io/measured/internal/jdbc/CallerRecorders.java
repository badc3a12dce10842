package io.measured.internal.jdbc;

import io.measured.internal.buffer.MetadataLimiter;
import java.util.Map;
import java.util.Objects;

/**
 * Recorders that record each call into the buffer of the application running it, found by
 * {@link CallerBuffers} from the thread's context class loader: for JDBC objects that outlive or
 * serve more than one application, as a server's pool does with its physical connections and with
 * the statements it caches on them. A call on a thread of no application with measured (the
 * pool's own validation, say), or of an application with JDBC timing off, is not recorded. SQL
 * text is kept whole up to the largest metadata limit; each application's buffer cuts it to its
 * own. Immutable and thread-safe.
 */
final class CallerRecorders implements DatabaseRecorders {

    static final CallerRecorders INSTANCE = new CallerRecorders(CallerBuffers.INSTANCE);

    private final CallerBuffers buffers;

    CallerRecorders(CallerBuffers buffers) {
        this.buffers = buffers;
    }

    @Override
    public int metadataMaxLength() {
        return MetadataLimiter.MAX_LENGTH;
    }

    @Override
    public DatabaseRecorder named(String name, String[] telemetryAttributes) {
        return new Recorder(buffers, name, null, telemetryAttributes);
    }

    @Override
    public boolean expected(Throwable failure) {
        CallerBuffers.Application application = buffers.current();
        return application != null && application.recorders.expected(failure);
    }

    /**
     * One operation, with or without bound metadata; equal to another of the same name and
     * metadata, so that the recorders resolved for it are shared by every connection's copy.
     */
    static final class Recorder implements DatabaseRecorder {

        private final CallerBuffers buffers;
        final String name;
        /** What {@link #record(long, long)} records (never changed once bound); null: a plain recorder's success. */
        final Map<String, String> metadata;
        /** The OpenTelemetry attributes of the operation (not part of its identity: they follow from its name). */
        final String[] telemetryAttributes;
        private final int hash;

        Recorder(CallerBuffers buffers, String name, Map<String, String> metadata, String[] telemetryAttributes) {
            this.buffers = buffers;
            this.name = name;
            this.metadata = metadata;
            this.telemetryAttributes = telemetryAttributes;
            this.hash = 31 * name.hashCode() + Objects.hashCode(metadata);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public DatabaseRecorder withMetadata(Map<String, String> bound) {
            return new Recorder(buffers, name, bound == null ? Map.of() : bound, telemetryAttributes);
        }

        @Override
        public void record(long startNanos, long endNanos) {
            DatabaseRecorder resolved = buffers.recorderFor(this);
            if (resolved != null) {
                resolved.record(startNanos, endNanos);
            }
        }

        @Override
        public void record(long startNanos, long endNanos, Map<String, String> given) {
            DatabaseRecorder resolved = buffers.recorderFor(this);
            if (resolved != null) {
                resolved.record(startNanos, endNanos, given);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other == this || other instanceof Recorder that && hash == that.hash && name.equals(that.name)
                    && Objects.equals(metadata, that.metadata);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "caller's recorder of " + name;
        }
    }
}
