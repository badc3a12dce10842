package io.measured.internal.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes the metrics endpoint's bodies, gzip-compressed when the request chose gzip. It names the
 * coding ({@code Content-Encoding: gzip}) here, just before the first byte, rather than on the
 * response: a writer interceptor that compresses whatever response carries that header (RESTEasy's
 * {@code GZIPEncodingInterceptor}, Jersey's {@code GZipEncoder}, when an application enables them)
 * has looked for it before this runs and so leaves the body alone. When a response filter has
 * already set a coding (Jersey's {@code EncodingFilter}), that filter's interceptor compresses, and
 * this writes the body as it is. Either way the body is compressed once. Stateless, thread-safe.
 *
 * <p>Not a CDI bean: Jersey ranks writers first by how close the type they write is to the
 * entity's, and reads that type from the provider's class; from a CDI client proxy it does not find
 * it, and its own {@code StreamingOutput} writer won (seen on Payara Micro 6: no compression).
 */
@Provider
public final class ResponseBodyWriter implements MessageBodyWriter<ResponseBody> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ResponseBody.class;
    }

    @Override
    public void writeTo(ResponseBody body, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream entity) throws IOException {
        if (body.coding() == ContentCoding.GZIP && headers.getFirst(HttpHeaders.CONTENT_ENCODING) == null) {
            headers.putSingle(HttpHeaders.CONTENT_ENCODING, "gzip");
            body.writeCompressed(entity);
        } else {
            body.write(entity);
        }
    }
}
