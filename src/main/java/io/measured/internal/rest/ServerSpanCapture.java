package io.measured.internal.rest;

import io.measured.internal.otel.Spans;
import io.measured.internal.web.RequestAttributes;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Notes the runtime's server span of a JAX-RS request for the request's HTTP record. MicroProfile
 * Telemetry runtimes (Open Liberty, WildFly) make that span current in a JAX-RS filter of their
 * own, after the servlet filter that times the request started and before the resource runs, and
 * close it again before that filter records; so this filter runs after theirs (request filters run
 * by ascending priority, and theirs take the default, {@code USER}) and hands the span over as a
 * request attribute. Records nothing itself; does nothing where the OpenTelemetry API is not
 * visible or no span is current. Never throws. Thread-safe (stateless).
 */
@Provider
@Priority(Priorities.USER + 1000)
public class ServerSpanCapture implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            // only for the servlet filter's record: the JAX-RS layer's own timing notes its span itself
            if (Spans.apiVisible() && request.getProperty(RequestAttributes.TIMED_BY_FILTER) != null
                    && request.getProperty(RequestAttributes.SERVER_SPAN) == null) {
                Object span = Spans.current();
                if (span != null) {
                    request.setProperty(RequestAttributes.SERVER_SPAN, span);
                }
            }
        } catch (Throwable e) {
            // the request is then recorded without the span, as where none was current; an Error
            // here is no reason to fail a request the application serves
        }
    }
}
