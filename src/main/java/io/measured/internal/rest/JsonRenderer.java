package io.measured.internal.rest;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the endpoint's JSON with its own JSON-B instance, so the application's JSON-B settings
 * (and ours) never affect each other. JSON goes to the response's stream as JSON-B makes it, never
 * into a string first.
 */
@ApplicationScoped
public class JsonRenderer {

    private static final Logger LOG = Logger.getLogger(JsonRenderer.class.getName());

    private volatile Jsonb jsonb;

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

    private Jsonb jsonb() {
        Jsonb current = jsonb;
        if (current == null) {
            synchronized (this) {
                current = jsonb;
                if (current == null) {
                    current = JsonbBuilder.create(new JsonbConfig().withPropertyNamingStrategy(new SnakeCaseNaming()));
                    jsonb = current;
                }
            }
        }
        return current;
    }

    /** Lifecycle callbacks must not throw checked exceptions (Payara refuses the deployment otherwise). */
    @PreDestroy
    void close() {
        Jsonb current = jsonb;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "measured: closing JSON-B failed", e);
            }
        }
    }
}
