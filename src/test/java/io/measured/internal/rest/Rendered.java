package io.measured.internal.rest;

import io.measured.MetricsBuffer;
import io.measured.internal.stats.OperationTable;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** Replies as a client receives them: written by the same body and writer the resource sends. */
final class Rendered {

    private Rendered() {
    }

    /** The body, uncompressed, as text. */
    static String text(Reply reply, JsonRenderer json) {
        return new String(bytes(reply, json, ContentCoding.IDENTITY, new MultivaluedHashMap<>()), StandardCharsets.UTF_8);
    }

    /** The bytes {@link ResponseBodyWriter} sends with these response headers, which it may change. */
    static byte[] bytes(Reply reply, JsonRenderer json, ContentCoding coding, MultivaluedMap<String, Object> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new ResponseBodyWriter().writeTo(reply.body(json, coding), ResponseBody.class, ResponseBody.class, null,
                    MediaType.WILDCARD_TYPE, headers, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String gunzip(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table the endpoint reads, as it reads it. */
    static OperationTable table(MetricsBuffer buffer) {
        return ((OperationTable.Source) buffer.getOperationStats()).table();
    }
}
