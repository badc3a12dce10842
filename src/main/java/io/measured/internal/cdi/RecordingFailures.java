package io.measured.internal.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reports failures to record a metric without letting them reach the measured call: the first one
 * with its stack trace, then one line per thousand, so a broken recorder cannot flood the log.
 */
@ApplicationScoped
public class RecordingFailures {

    private static final Logger LOG = Logger.getLogger(RecordingFailures.class.getName());

    private final AtomicLong count = new AtomicLong();

    /**
     * Logs a failure to record a call of {@code operation}; never throws (a failure to log, such as
     * a stack overflow that left no room for the logger, is dropped: the count still grows).
     */
    public void report(String operation, Throwable failure) {
        try {
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

    /** Returns how many recordings have failed. */
    public long count() {
        return count.get();
    }
}
