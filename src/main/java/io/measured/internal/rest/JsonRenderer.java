package io.measured.internal.rest;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the endpoint's JSON with its own JSON-B instance, so the application's JSON-B settings
 * (and ours) never affect each other. JSON goes to the response's stream as JSON-B makes it, never
 * into a string first. Where the application has no JSON-B (a Quarkus application on Jackson alone)
 * it still loads, so the other views work, and {@link #available()} says why JSON cannot be written.
 */
@ApplicationScoped
public class JsonRenderer {

    private static final Logger LOG = Logger.getLogger(JsonRenderer.class.getName());

    private volatile JsonbWriter jsonb;
    /** Why JSON-B could not be had, once found out; null while it can or before it was tried. */
    private volatile String absence;

    /**
     * Whether JSON can be written here; the first call makes the JSON-B instance. Where it cannot,
     * logs once, as a warning, what is missing and what to add.
     */
    boolean available() {
        if (jsonb != null) {
            return true;
        }
        if (absence == null) {
            try {
                jsonb();
                return true;
            } catch (LinkageError | RuntimeException missing) {
                absence = "the JSON views need JSON-B, which this application does not have (" + missing
                        + "): in Quarkus add io.quarkus:quarkus-jsonb, elsewhere a JSON-B implementation such as"
                        + " org.eclipse:yasson; the Prometheus text (Accept: text/plain) and OpenMetrics views work"
                        + " without it";
                LOG.log(Level.WARNING, "measured: {0}", absence);
            }
        }
        return false;
    }

    /** Why JSON cannot be written here, naming what to add; null while it can. */
    String absence() {
        return available() ? null : absence;
    }

    /** Writes {@code value} as JSON to {@code out} as JSON-B makes it, and leaves {@code out} open. */
    void write(Object value, OutputStream out) throws IOException {
        try {
            jsonb().toJson(value, new FilterOutputStream(out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                /** JSON-B closes the stream it wrote to; the server closes the entity stream. */
                @Override
                public void close() throws IOException {
                    flush();
                }
            });
        } catch (RuntimeException e) {
            // JSON-P and JSON-B wrap a failed write (the client went away) in exceptions of their own.
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof IOException io) {
                    throw io;
                }
            }
            throw e;
        }
    }

    private JsonbWriter jsonb() {
        JsonbWriter current = jsonb;
        if (current == null) {
            synchronized (this) {
                current = jsonb;
                if (current == null) {
                    current = new JsonbWriter();
                    jsonb = current;
                }
            }
        }
        return current;
    }

    /** Lifecycle callbacks must not throw checked exceptions (Payara refuses the deployment otherwise). */
    @PreDestroy
    void close() {
        JsonbWriter current = jsonb;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "measured: closing JSON-B failed", e);
            }
        }
    }
}
