package io.measured.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
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
 */
@Provider
@ApplicationScoped
public class ResponseBodyWriter implements MessageBodyWriter<ResponseBody> {

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
