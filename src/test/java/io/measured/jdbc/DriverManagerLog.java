package io.measured.jdbc;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.DriverManager;

/**
 * Runs test code as a deployment's thread runs, with its class loader as the thread's context
 * class loader, and captures what {@link DriverManager} logs meanwhile (it logs every driver it
 * registers and deregisters). DriverManager's log writer is global: not for tests that run at once.
 */
public final class DriverManagerLog {

    /** Code run under the deployment's class loader; it may read the log so far. */
    public interface Action {
        void run(StringWriter logSoFar) throws Exception;
    }

    private DriverManagerLog() {
    }

    /**
     * Runs {@code action} with {@code deployment} as the context class loader, then restores the
     * thread's loader and DriverManager's log writer.
     *
     * @return what DriverManager logged while the action ran
     */
    public static String whileRunning(ClassLoader deployment, Action action) throws Exception {
        // DriverManager loads the drivers it offers once, through the context class loader of its first use: not this one.
        DriverManager.getDrivers();
        StringWriter log = new StringWriter();
        PrintWriter before = DriverManager.getLogWriter();
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        try {
            thread.setContextClassLoader(deployment);
            DriverManager.setLogWriter(new PrintWriter(log, true));
            action.run(log);
        } finally {
            DriverManager.setLogWriter(before);
            thread.setContextClassLoader(context);
        }
        return log.toString();
    }
}
