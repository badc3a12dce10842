package io.measured;

import java.lang.management.ManagementFactory;

/** Heap bytes allocated, from HotSpot's per-thread allocation counters: exact counts, not timings. */
final class Allocations {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {
    }

    /** Bytes the current (platform) thread allocated while running {@code action}. */
    static long byCurrentThread(Runnable action) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        action.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    /** Bytes every thread of the JVM, those ended included, allocated while running {@code action}. */
    static long byAllThreads(Runnable action) {
        long before = THREADS.getTotalThreadAllocatedBytes();
        action.run();
        return THREADS.getTotalThreadAllocatedBytes() - before;
    }
}
