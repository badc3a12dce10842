package io.measured.demo;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The app's own error answer, which the metrics library must pass through unchanged. */
@Provider
public class NoteStoreExceptionMapper implements ExceptionMapper<NoteStoreException> {

    @Override
    public Response toResponse(NoteStoreException exception) {
        String body = Json.createObjectBuilder()
                .add("app_error", exception.getMessage())
                .build()
                .toString();
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }
}
