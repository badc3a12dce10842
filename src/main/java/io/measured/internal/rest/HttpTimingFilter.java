package io.measured.internal.rest;

import io.measured.MetricsBuffer;
import io.measured.OperationType;
import io.measured.internal.cdi.MeasuredExtension;
import io.measured.internal.cdi.RecordingFailures;
import io.measured.internal.config.MeasuredSettings;
import io.measured.internal.stats.Outcomes;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Times every JAX-RS request as type HTTP, named {@code <METHOD> <path template>} (never the raw
 * URI) with metadata {@code method} and {@code status}. The time runs from the first request
 * filter to the last response filter: it never reads, buffers or wraps an entity, so the time to
 * write a streamed body is not included. Requests that match no resource are named
 * {@code <METHOD> (unmatched)}. The metrics endpoint itself is not timed.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class HttpTimingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String START = HttpTimingFilter.class.getName() + ".start";
    static final String UNMATCHED = "(unmatched)";

    @Context
    ResourceInfo resourceInfo;

    @Inject
    MetricsBuffer buffer;

    @Inject
    MeasuredExtension extension;

    @Inject
    RecordingFailures failures;

    private final PathTemplates templates = new PathTemplates();

    @Override
    public void filter(ContainerRequestContext request) {
        MeasuredSettings settings = extension.settings();
        if (settings.enabled() && settings.httpEnabled()) {
            request.setProperty(START, System.nanoTime());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object start = request.getProperty(START);
        if (!(start instanceof Long startNanos)) {
            return;
        }
        try {
            long nanos = System.nanoTime() - startNanos;
            Class<?> resourceClass = resourceInfo == null ? null : resourceInfo.getResourceClass();
            Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
            if (resourceClass != null && MetricsResource.class.isAssignableFrom(resourceClass)) {
                return;
            }
            String template = resourceClass == null || method == null ? UNMATCHED : templates.of(resourceClass, method);
            String httpMethod = request.getMethod();
            double ms = nanos / 1_000_000.0;
            buffer.record(OperationType.HTTP, httpMethod + " " + template, ms,
                    Map.of("method", httpMethod, Outcomes.STATUS, Integer.toString(response.getStatus())),
                    ms >= extension.settings().slowThresholdMs());
        } catch (RuntimeException | LinkageError e) {
            failures.report("HTTP " + request.getMethod() + " request", e);
        }
    }
}
