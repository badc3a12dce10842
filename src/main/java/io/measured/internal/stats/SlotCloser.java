package io.measured.internal.stats;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes the slots of every registered {@link History} as each slot ends, on one daemon thread of
 * this class loader's, so that no recording call ever does that work (which reads every
 * operation's counters) or waits for it.
 *
 * <p>Histories are held weakly: a buffer nobody uses any more is collected as if it had never
 * registered, and the thread ends once none is left (a later registration starts another), so an
 * undeployed application's class loader is not kept by it for longer than one slot after its
 * buffer is collected. Thread-safe.
 */
public final class SlotCloser {

    private static final Logger LOG = Logger.getLogger(SlotCloser.class.getName());
    private static final String THREAD_NAME = "measured-history";
    /** After a slot's end, so that the clock a history reads has passed it too. */
    private static final long AFTER_END_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long SLOT_NANOS = TimeUnit.SECONDS.toNanos(History.SLOT_SECONDS);

    private static final ConcurrentLinkedQueue<WeakReference<History>> HISTORIES = new ConcurrentLinkedQueue<>();
    private static final AtomicBoolean RUNNING = new AtomicBoolean();
    private static final AtomicBoolean FAILURE_LOGGED = new AtomicBoolean();
    /** The running closing thread, or null: woken by a release so that it can end at once. */
    private static volatile Thread closer;

    private SlotCloser() {
    }

    /** Has the slots of {@code history} closed as they end, for as long as it is reachable. */
    public static void register(History history) {
        HISTORIES.add(new WeakReference<>(history));
        if (RUNNING.compareAndSet(false, true)) {
            start();
        }
    }

    /**
     * Stops closing the slots of {@code history}; the thread ends at once if it was the last one.
     * Releasing one that is not registered does nothing.
     */
    public static void release(History history) {
        HISTORIES.removeIf(reference -> {
            History registered = reference.get();
            return registered == null || registered == history;
        });
        Thread running = closer;
        if (running != null) {
            LockSupport.unpark(running);
        }
    }

    /** Whether the slots of {@code history} are closed by this class now. */
    public static boolean closes(History history) {
        for (WeakReference<History> reference : HISTORIES) {
            if (reference.get() == history) {
                return true;
            }
        }
        return false;
    }

    /** Whether a closing thread runs now: for tests. */
    static boolean running() {
        return RUNNING.get();
    }

    private static void start() {
        Thread thread = new Thread(SlotCloser::run, THREAD_NAME);
        thread.setDaemon(true);
        // The creator's context class loader (an application's) is not the thread's business.
        thread.setContextClassLoader(null);
        closer = thread;
        thread.start();
    }

    private static void run() {
        long nextEnd = closeDueSlots();
        while (!HISTORIES.isEmpty() || stillNeeded()) {
            sleepUntil(nextEnd + AFTER_END_NANOS);
            nextEnd = closeDueSlots();
        }
    }


    /**
     * Called with none left: ends this thread unless a registration raced with the decision, in
     * which case this thread goes on, or the registering thread started another one.
     */
    private static boolean stillNeeded() {
        closer = null;
        RUNNING.set(false);
        if (!HISTORIES.isEmpty() && RUNNING.compareAndSet(false, true)) {
            closer = Thread.currentThread();
            return true;
        }
        return false;
    }

    private static void sleepUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0 && !HISTORIES.isEmpty();
                left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left); // may return early, spuriously
        }
    }

    /** Closes every slot that has ended; returns the {@code nanoTime} of the next end, at most one slot away. */
    private static long closeDueSlots() {
        long now = System.nanoTime();
        long nextEnd = now + SLOT_NANOS;
        for (Iterator<WeakReference<History>> it = HISTORIES.iterator(); it.hasNext();) {
            History history = it.next().get();
            if (history == null) {
                it.remove();
                continue;
            }
            try {
                long end = history.closeDue(System.nanoTime());
                if (end - nextEnd < 0) {
                    nextEnd = end;
                }
            } catch (RuntimeException | Error e) {
                // A history that cannot close keeps its open slot; the next read closes it.
                if (FAILURE_LOGGED.compareAndSet(false, true)) {
                    LOG.log(Level.WARNING, "measured: could not close a history slot; reads will close it instead", e);
                }
            }
        }
        return nextEnd - now < 0 ? now : nextEnd;
    }
}
