package io.measured.internal.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Names the requests of one resource method that {@link JaxRsRequestTiming} times with the
 * method's template, known since deployment ({@link ResourceMethodNames}). Immutable, thread-safe.
 */
public final class ResourceMethodName implements ContainerRequestFilter {

    private final String template;

    ResourceMethodName(String template) {
        this.template = template;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RequestCompletion timed = JaxRsRequestTiming.timed(request);
        if (timed != null) {
            timed.matched(template);
        }
    }

    /** The template this filter names requests with. */
    String template() {
        return template;
    }
}
