package io.measured;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;

/** Heap bytes allocated, from HotSpot's per-thread allocation counters: exact counts, not timings. */
public final class Allocations {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * {@code getTotalThreadAllocatedBytes()}: in JDK 21's API and in JDK 17 updates from 17.0.9, but
     * not in Java 17's, which {@code --release 17} compiles against; so it is found at run time.
     */
    private static final MethodHandle TOTAL_ALLOCATED = findTotalAllocated();

    private Allocations() {
    }

    private static MethodHandle findTotalAllocated() {
        try {
            return MethodHandles.publicLookup().findVirtual(com.sun.management.ThreadMXBean.class,
                    "getTotalThreadAllocatedBytes", MethodType.methodType(long.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static long totalAllocated() {
        if (TOTAL_ALLOCATED == null) {
            throw new IllegalStateException("this JVM (" + Runtime.version() + ") cannot count the bytes every thread "
                    + "allocated: com.sun.management.ThreadMXBean.getTotalThreadAllocatedBytes needs JDK 17.0.9+ or 21+");
        }
        try {
            return (long) TOTAL_ALLOCATED.invoke(THREADS);
        } catch (Throwable e) {
            throw new IllegalStateException("getTotalThreadAllocatedBytes failed", e);
        }
    }

    /** Bytes the current (platform) thread allocated while running {@code action}. */
    public static long byCurrentThread(Runnable action) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        action.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    /** Bytes every thread of the JVM, those ended included, allocated while running {@code action}. */
    public static long byAllThreads(Runnable action) {
        long before = totalAllocated();
        action.run();
        return totalAllocated() - before;
    }
}
