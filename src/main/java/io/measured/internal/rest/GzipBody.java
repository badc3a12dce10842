package io.measured.internal.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A gzip stream over a response's entity stream, which it never closes (the server does): it ends
 * its deflater as soon as the body is written or fails, so no native memory waits for a finalizer.
 * Level 1 (best speed): an exposition repeats its names on every line, so the fastest level already
 * takes most of the size away, at a fraction of the default level's time. Confined to one response.
 */
final class GzipBody extends GZIPOutputStream {

    /** Bytes deflated before they go to the entity stream. */
    private static final int BUFFER = 16 * 1024;

    private GzipBody(OutputStream entity) throws IOException {
        super(entity, BUFFER);
        def.setLevel(Deflater.BEST_SPEED);
    }

    /** Writes {@code content} compressed to {@code entity}, and ends the compression. */
    static void write(ResponseBody.Content content, OutputStream entity) throws IOException {
        GzipBody gzip = new GzipBody(entity);
        try {
            content.writeTo(gzip);
            gzip.finish();
        } finally {
            gzip.def.end();
        }
    }
}
