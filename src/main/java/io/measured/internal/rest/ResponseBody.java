package io.measured.internal.rest;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A response body, written to the entity stream when the server asks for it and never held whole,
 * with the content coding the request's {@code Accept-Encoding} chose. {@link ResponseBodyWriter}
 * compresses it; should an application's explicit class list leave that writer out, the server's
 * own {@link StreamingOutput} support writes it uncompressed (and then no {@code Content-Encoding}
 * is sent either). Immutable; written once.
 */
public final class ResponseBody implements StreamingOutput {

    private static final Logger LOG = Logger.getLogger(ResponseBody.class.getName());

    /** What a body writes; it may leave bytes in buffers of its own only until it returns. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Content content;
    private final ContentCoding coding;

    ResponseBody(Content content, ContentCoding coding) {
        this.content = content;
        this.coding = coding;
    }

    ContentCoding coding() {
        return coding;
    }

    /** Uncompressed. */
    @Override
    public void write(OutputStream out) throws IOException {
        logged(content, out);
    }

    /** gzip-compressed; the caller sends {@code Content-Encoding: gzip}. */
    void writeCompressed(OutputStream out) throws IOException {
        logged(gzip -> GzipBody.write(content, gzip), out);
    }

    /**
     * Once the first bytes are out, a failure can no longer become an error status: it is logged
     * here and the server cuts the response short, so a client never takes a partial body for a
     * whole one.
     */
    private static void logged(Content content, OutputStream out) throws IOException {
        try {
            content.writeTo(out);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "measured: writing a metrics response failed after its status was sent", e);
            throw e;
        }
    }
}
