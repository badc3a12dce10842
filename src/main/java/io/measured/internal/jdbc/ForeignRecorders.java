package io.measured.internal.jdbc;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;

/**
 * The buffer of another copy of this library, loaded by another class loader. Open Liberty loads
 * a data source definition's class only from a server library, while the application's beans and
 * endpoints come from the copy in its {@code WEB-INF/lib}: the data source's copy records into the
 * application's buffer through this. It reaches the other copy's public API by method handles
 * whose signatures hold only JDK types, so no class of one copy ever meets the other's. A call
 * through it boxes its arguments (a few dozen bytes), unlike a call within one copy. Immutable
 * and thread-safe.
 */
final class ForeignRecorders implements DatabaseRecorders {

    private final Object buffer;
    private final Object database;
    private final MethodHandle recorder;
    private final MethodHandle name;
    private final MethodHandle withMetadata;
    private final MethodHandle recordSuccess;
    private final MethodHandle recordWithMetadata;
    /** The other copy's {@code ApplicationBuffer.describe}, or null where that copy has none (an older version). */
    private final MethodHandle describe;
    /** The other copy's {@code ApplicationBuffer.expected}, or null where that copy has none. */
    private final MethodHandle expected;
    private final int metadataMaxLength;

    /**
     * @param buffer a {@code MetricsBuffer} of the copy of the library that {@code loader} sees
     * @throws ReflectiveOperationException if that copy lacks the API this copy uses
     */
    ForeignRecorders(Object buffer, ClassLoader loader) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> bufferClass = Class.forName("io.measured.MetricsBuffer", false, loader);
        Class<?> typeClass = Class.forName("io.measured.OperationType", false, loader);
        Class<?> recorderClass = Class.forName("io.measured.OperationRecorder", false, loader);
        this.buffer = bufferClass.cast(buffer);
        this.database = enumConstant(typeClass, "DATABASE");
        this.recorder = lookup.findVirtual(bufferClass, "recorder", MethodType.methodType(recorderClass, typeClass,
                String.class));
        this.name = lookup.findVirtual(recorderClass, "name", MethodType.methodType(String.class));
        this.withMetadata = lookup.findVirtual(recorderClass, "withMetadata",
                MethodType.methodType(recorderClass, Map.class));
        this.recordSuccess = lookup.findVirtual(recorderClass, "record",
                MethodType.methodType(boolean.class, long.class, long.class));
        this.recordWithMetadata = lookup.findVirtual(recorderClass, "record",
                MethodType.methodType(boolean.class, long.class, long.class, Map.class));
        MethodHandle maxLength = lookup.findVirtual(bufferClass, "getMetadataMaxLength",
                MethodType.methodType(int.class));
        this.metadataMaxLength = (int) call(maxLength, this.buffer);
        Class<?> applicationBuffer = Class.forName(ApplicationBuffer.class.getName(), false, loader);
        this.describe = optional(lookup, applicationBuffer, "describe",
                MethodType.methodType(void.class, Object.class, String[].class));
        this.expected = optional(lookup, applicationBuffer, "expected", MethodType.methodType(boolean.class, Throwable.class));
    }

    private static MethodHandle optional(MethodHandles.Lookup lookup, Class<?> type, String name, MethodType signature) {
        try {
            return lookup.findStatic(type, name, signature);
        } catch (ReflectiveOperationException olderCopy) {
            return null;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    @Override
    public int metadataMaxLength() {
        return metadataMaxLength;
    }

    @Override
    public DatabaseRecorder named(String operation, String[] telemetryAttributes) {
        Object named = call(recorder, buffer, database, operation);
        if (telemetryAttributes != null && describe != null) {
            call(describe, named, telemetryAttributes);
        }
        return new Foreign(named);
    }

    @Override
    public boolean expected(Throwable failure) {
        return expected != null && (boolean) call(expected, failure);
    }

    /** Calls a handle; what the other copy throws unchecked goes on as it is. */
    private static Object call(MethodHandle handle, Object... arguments) {
        try {
            return handle.invokeWithArguments(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new IllegalStateException("the application's copy of measured threw " + checked, checked);
        }
    }

    /** A recorder of the other copy. */
    private final class Foreign implements DatabaseRecorder {

        private final Object recorder;

        Foreign(Object recorder) {
            this.recorder = recorder;
        }

        @Override
        public String name() {
            return (String) call(name, recorder);
        }

        @Override
        public DatabaseRecorder withMetadata(Map<String, String> metadata) {
            return new Foreign(call(withMetadata, recorder, metadata));
        }

        @Override
        public void record(long startNanos, long endNanos) {
            call(recordSuccess, recorder, startNanos, endNanos);
        }

        @Override
        public void record(long startNanos, long endNanos, Map<String, String> metadata) {
            call(recordWithMetadata, recorder, startNanos, endNanos, metadata);
        }
    }
}
