package io.measured.internal.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reports failures to record a metric without letting them reach the measured call: the first one
 * with its stack trace, then one line per thousand, so a broken recorder cannot flood the log. An
 * {@link IllegalStateException} is the container refusing the buffer as the application stops: one
 * INFO line, not a failure.
 */
@ApplicationScoped
public class RecordingFailures {

    private static final Logger LOG = Logger.getLogger(RecordingFailures.class.getName());

    private final AtomicLong count = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    private final AtomicBoolean endedLogged = new AtomicBoolean();

    /**
     * Logs a failure to record a call of {@code operation}; never throws (a failure to log, such as
     * a stack overflow that left no room for the logger, is dropped: the count still grows).
     */
    public void report(String operation, Throwable failure) {
        try {
            if (failure instanceof IllegalStateException) {
                // The application's container refuses the buffer: it is shutting down or has ended
                // (Weld's WELD-000229, ArC's "already shut down"), as when a scheduled job runs during a
                // stop. Nothing is broken: such a call goes unrecorded, said once.
                ended.incrementAndGet();
                if (endedLogged.compareAndSet(false, true)) {
                    LOG.log(Level.INFO, "measured: a call of ''{0}'' not recorded: the application''s CDI container no"
                            + " longer answers ({1}); calls while it stops are not recorded", new Object[] {operation,
                                failure.getMessage()});
                }
                return;
            }
            long n = count.incrementAndGet();
            if (n == 1) {
                LOG.log(Level.WARNING, "measured: could not record a call of '" + operation
                        + "'; the call itself was not affected", failure);
            } else if (n % 1000 == 0) {
                LOG.log(Level.WARNING, "measured: {0} calls could not be recorded so far; last: {1}: {2}",
                        new Object[] {n, operation, String.valueOf(failure)});
            }
        } catch (Throwable dropped) { // reporting must never become the caller's failure
        }
    }

    /** Returns how many recordings have failed, calls refused by an ended container not counted. */
    public long count() {
        return count.get();
    }

    /** Returns how many calls went unrecorded because the application's container no longer answered. */
    public long endedCount() {
        return ended.get();
    }
}
