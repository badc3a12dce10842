package io.measured.internal.rest;

import io.measured.internal.web.RequestAttributes;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Tells the servlet-level timing what a JAX-RS request matched: the path template of the actual
 * resource class and method (never the raw URI), or that it is the metrics endpoint, which is not
 * timed. It runs after matching and before any other filter, and records nothing itself, so a
 * request is timed once, by the servlet filter, including requests that end in an unmapped
 * exception (for which JAX-RS skips response filters). JAX-RS request properties are the servlet
 * request's attributes in a servlet container. Where the JAX-RS layer times the request itself
 * ({@link JaxRsRequestTiming}), it tells that layer's {@link RequestCompletion} the same.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class HttpTimingFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resourceInfo;

    @Inject
    RequestCompletion completion;

    private final PathTemplates templates = new PathTemplates();

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> resourceClass = resourceInfo == null ? null : resourceInfo.getResourceClass();
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        if (resourceClass == null || method == null) {
            return;
        }
        boolean timedHere = request.getProperty(JaxRsRequestTiming.TIMED) != null;
        if (MetricsResource.class.isAssignableFrom(resourceClass)) {
            request.setProperty(RequestAttributes.UNTIMED, Boolean.TRUE);
            if (timedHere) {
                completion.untimed();
            }
            return;
        }
        String template = templates.of(resourceClass, method);
        request.setProperty(RequestAttributes.JAX_RS_TEMPLATE, template);
        if (timedHere) {
            completion.matched(template);
        }
    }
}
