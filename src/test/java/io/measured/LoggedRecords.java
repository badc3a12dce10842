package io.measured;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one java.util.logging logger records while listened to: for each test as a JUnit extension
 * ({@code @RegisterExtension final LoggedRecords logged = LoggedRecords.of(Some.class)}), or for a
 * block ({@code try (LoggedRecords logged = LoggedRecords.of(name).listen()) ...}). Thread-safe.
 */
public final class LoggedRecords implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LoggedRecords(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
    }

    /** The records of the logger named after {@code loggerClass}, as the library names its loggers. */
    public static LoggedRecords of(Class<?> loggerClass) {
        return new LoggedRecords(loggerClass.getName());
    }

    public static LoggedRecords of(String loggerName) {
        return new LoggedRecords(loggerName);
    }

    /** Starts listening; {@link #close()} stops. */
    public LoggedRecords listen() {
        logger.addHandler(handler);
        return this;
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        listen();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** Every record so far, oldest first; a live view. */
    public List<LogRecord> all() {
        return records;
    }

    /** The records so far at {@code level} or above, oldest first. */
    public List<LogRecord> atLeast(Level level) {
        return records.stream().filter(record -> record.getLevel().intValue() >= level.intValue()).toList();
    }
}
