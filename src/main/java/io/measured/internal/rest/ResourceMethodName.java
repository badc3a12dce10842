package io.measured.internal.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Names the requests of one resource method that {@link JaxRsRequestTiming} times with the
 * method's template, known since deployment ({@link ResourceMethodNames}), if it is the filter
 * configured last for its class and method: the one of the method's build as a root resource.
 * Immutable but for that shared mark; thread-safe.
 */
public final class ResourceMethodName implements ContainerRequestFilter {

    private final String template;
    private final AtomicReference<ResourceMethodName> lastConfigured;

    /** @param lastConfigured the filter configured last for the same class and method, set by the caller */
    ResourceMethodName(String template, AtomicReference<ResourceMethodName> lastConfigured) {
        this.template = template;
        this.lastConfigured = lastConfigured;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (lastConfigured.get() != this) {
            return; // a build of the class as a sub-resource: named root to method by HttpTimingFilter
        }
        RequestCompletion timed = JaxRsRequestTiming.timed(request);
        if (timed != null) {
            timed.matched(template);
        }
    }

    /** Whether this filter names its requests: it is the last configured for its class and method. */
    boolean names() {
        return lastConfigured.get() == this;
    }

    /** The template this filter names requests with. */
    String template() {
        return template;
    }
}
