package io.measured.faults;

import io.measured.Metric;
import io.measured.MetricsBuffer;
import io.measured.OperationRecorder;
import io.measured.OperationStats;
import io.measured.OperationType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The hang an Error inside recording used to cause, as a program of its own so that
 * {@link RecordingFaultsTest} can run it in a fresh JVM (interpreted or compiled, platform or
 * virtual threads) and kill it if it hangs. Writers dive into a recursion until the stack
 * overflows and record at every depth on the way back, as the interceptor records a call that
 * failed, so that the overflow strikes inside the recording code itself; then other threads record
 * as requests would. Prints one line per check and exits 0 when every check holds, 1 otherwise.
 *
 * <p>Arguments: {@code platform|virtual}.
 */
public final class RecordingFaultsDrill {

    /** Smaller than the writers' numbers, so each writer laps slots the divers left mid-row. */
    static final int CAPACITY = 16;
    static final int DIVERS = 4;
    static final int DIVES = 15;
    static final int WRITERS = 8;
    static final int RECORDS = 5_000;
    static final int VIRTUAL_TASKS = 200;

    private final MetricsBuffer buffer = new MetricsBuffer(CAPACITY);
    private final OperationRecorder diving = buffer.recorder(OperationType.SERVICE, "Recursive.dive");
    private final OperationRecorder requests = buffer.recorder(OperationType.HTTP, "GET /after");
    private boolean failed;

    public static void main(String[] args) throws Exception {
        boolean virtual = args.length > 0 && args[0].equals("virtual");
        RecordingFaultsDrill drill = new RecordingFaultsDrill();
        drill.run(virtual);
        System.exit(drill.failed ? 1 : 0);
    }

    private void run(boolean virtual) throws Exception {
        long overflows = inThreads(virtual, DIVERS, () -> {
            long caught = 0;
            for (int dive = 0; dive < DIVES; dive++) {
                try {
                    dive(0);
                } catch (StackOverflowError expected) {
                    caught++;
                }
            }
            return caught;
        });
        check(overflows == (long) DIVERS * DIVES, "every dive overflowed and its overflow reached the diver: "
                + overflows + " of " + DIVERS * DIVES);
        int tasks = virtual ? VIRTUAL_TASKS : WRITERS;
        long recorded = inThreads(virtual, tasks, () -> {
            for (int i = 0; i < RECORDS; i++) {
                long now = System.nanoTime();
                requests.record(now - 1_000, now);
            }
            return RECORDS;
        });
        check(recorded == (long) tasks * RECORDS, "every writer finished after the overflows: " + recorded + " records");
        long counted = buffer.getOperationStats().stream().filter(s -> s.operationName().equals("GET /after"))
                .mapToLong(OperationStats::count).sum();
        check(counted == (long) tasks * RECORDS, "every record after the overflows counted: " + counted);
        List<Metric> kept = buffer.getAll();
        check(kept.size() == CAPACITY && kept.stream().allMatch(m -> m.operationName().equals("GET /after")),
                "the buffer holds exactly its newest " + CAPACITY + " records: " + kept.size() + " kept");
        if (virtual) {
            checkAnotherVirtualThreadRuns();
        }
    }

    /** Recurses until the stack overflows, and records at each depth as the overflow passes. */
    private void dive(int depth) {
        long start = System.nanoTime();
        try {
            dive(depth + 1);
        } catch (StackOverflowError overflow) {
            try {
                diving.record(start, System.nanoTime(), overflow);
            } catch (StackOverflowError again) {
                // the recording code overflowed too, somewhere inside: exactly the case under test
            }
            throw overflow;
        }
    }

    /** Yielding writers used to starve the scheduler's carriers: an unrelated virtual thread must run. */
    private void checkAnotherVirtualThreadRuns() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        ExecutorService executor = virtualThreadPerTask();
        try {
            executor.submit(ran::countDown);
            check(ran.await(5, TimeUnit.SECONDS), "an unrelated virtual thread ran within 5 s");
        } finally {
            executor.shutdownNow();
        }
    }

    private interface Task {
        long call() throws Exception;
    }

    /** Runs {@code count} copies of the task, each in its own thread, and sums their answers. */
    private static long inThreads(boolean virtual, int count, Task task) throws Exception {
        ExecutorService executor = virtual ? virtualThreadPerTask() : Executors.newFixedThreadPool(count);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                done.add(executor.submit(task::call));
            }
            long sum = 0;
            for (Future<Long> future : done) {
                sum += future.get();
            }
            return sum;
        } finally {
            executor.shutdownNow();
        }
    }

    private static ExecutorService virtualThreadPerTask() throws ReflectiveOperationException {
        return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    }

    private void check(boolean holds, String what) {
        System.out.println((holds ? "ok: " : "FAILED: ") + what);
        failed |= !holds;
    }
}
