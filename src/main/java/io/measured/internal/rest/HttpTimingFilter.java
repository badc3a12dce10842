package io.measured.internal.rest;

import io.measured.internal.web.RequestAttributes;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Tells the servlet-level timing what a JAX-RS request matched: the path template of the actual
 * resource class and method (never the raw URI), through every sub-resource locator the request
 * passed ({@link LocatorTemplates}), or that it is the metrics endpoint, which is not timed. It
 * runs after matching and before the application's filters (of the library's, only a
 * {@link ResourceMethodName} runs before it), and records nothing itself, so a request is
 * timed once, by the servlet filter, including requests that end in an unmapped exception (for
 * which JAX-RS skips response filters). JAX-RS request properties are the servlet request's
 * attributes in a servlet container.
 * Where the JAX-RS layer times the request itself ({@link JaxRsRequestTiming}), it tells that
 * layer's {@link RequestCompletion} the same, for the requests no {@link ResourceMethodName} filter
 * named before it (through sub-resource locators, to the metrics endpoint).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class HttpTimingFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resourceInfo;

    private final PathTemplates templates = new PathTemplates();
    private final LocatorTemplates locatorTemplates = new LocatorTemplates();

    @Override
    public void filter(ContainerRequestContext request) {
        RequestCompletion timedHere = JaxRsRequestTiming.timed(request);
        if (timedHere == null && request.getProperty(RequestAttributes.TIMED_BY_FILTER) == null) {
            return; // nobody times this request (timing off, an excluded path): nothing to name
        }
        if (timedHere != null && timedHere.named()) {
            return; // named by its method's own filter (ResourceMethodNames)
        }
        Class<?> resourceClass = resourceInfo == null ? null : resourceInfo.getResourceClass();
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        if (resourceClass == null || method == null) {
            return;
        }
        if (MetricsResource.class.isAssignableFrom(resourceClass)) {
            if (timedHere != null) {
                timedHere.untimed();
            } else {
                request.setProperty(RequestAttributes.UNTIMED, Boolean.TRUE);
            }
            return;
        }
        UriInfo uri = request.getUriInfo();
        List<Object> matched = uri == null ? List.of() : uri.getMatchedResources();
        String template;
        if (matched == null || matched.size() < 2) {
            template = templates.of(resourceClass, method);
        } else {
            List<Class<?>> rootFirst = new ArrayList<>(matched.size());
            for (int i = matched.size() - 1; i >= 0; i--) {
                rootFirst.add(matched.get(i).getClass());
            }
            template = locatorTemplates.of(rootFirst, method, () -> path(uri));
        }
        if (timedHere != null) {
            timedHere.matched(template);
        } else {
            request.setProperty(RequestAttributes.JAX_RS_TEMPLATE, template);
        }
    }

    /** The decoded request path relative to the application root, without matrix parameters. */
    private static String path(UriInfo uri) {
        StringJoiner path = new StringJoiner("/");
        for (PathSegment segment : uri.getPathSegments()) {
            path.add(segment.getPath());
        }
        return path.toString();
    }
}
