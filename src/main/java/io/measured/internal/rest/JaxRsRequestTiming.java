package io.measured.internal.rest;

import io.measured.internal.otel.Spans;

import io.measured.MetricsBuffer;
import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.cdi.LiteContainer;
import io.measured.internal.cdi.RecordingFailures;
import io.measured.internal.config.MeasuredSettings;
import io.measured.internal.otel.Spans;
import io.measured.internal.web.BoundedNames;
import io.measured.internal.web.ExcludedPaths;
import io.measured.internal.web.RequestAttributes;
import io.measured.internal.web.RequestRecorders;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Times requests at the JAX-RS layer where no servlet filter of ours does: in a CDI Lite container
 * ({@link LiteContainer}: Quarkus REST, which serves JAX-RS without a servlet container), for every
 * request that reaches JAX-RS and that no servlet filter of ours timed already. It starts before
 * matching, hears the status from its response filter (which runs last), and leaves the record to
 * {@link RequestCompletion}, which the container ends after the body is written; so each request is
 * recorded once, as {@code <METHOD> <template>} or {@code <METHOD> (unmatched)} when it matched no
 * resource method but JAX-RS answered it (a 405). Requests JAX-RS passes on unanswered (paths no
 * resource matches) are not recorded: their status is not JAX-RS's to know. Everywhere else (EE
 * servers) it does nothing. Never reads, wraps or buffers a body. Thread-safe.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
@ApplicationScoped
public class JaxRsRequestTiming implements ContainerRequestFilter, ContainerResponseFilter {

    /** Request property: the request's {@link RequestCompletion} (the instance) once this layer times it. */
    static final String TIMED = "io.measured.jaxrs.timed";

    @Inject
    Instance<LiteContainer> lite;

    @Inject
    ActiveSettings settings;

    @Inject
    MetricsBuffer buffer;

    @Inject
    RecordingFailures failures;

    @Inject
    RequestCompletion completion;

    /** The request's timing, when this layer times it. */
    static RequestCompletion timed(ContainerRequestContext request) {
        return request.getProperty(TIMED) instanceof RequestCompletion timed ? timed : null;
    }

    /** Whether this layer times requests; fixed for the application's life, decided on first use. */
    private volatile Boolean active;
    /** The settings' excluded path prefixes, read with {@link #active} (and so visible once it is). */
    private List<String> excludedPaths = List.of();
    private final RequestRecorders recorders = new RequestRecorders();

    @Override
    public void filter(ContainerRequestContext request) {
        if (!active() || request.getProperty(RequestAttributes.TIMED_BY_FILTER) != null) {
            return;
        }
        List<String> excluded = excludedPaths;
        try {
            if (!excluded.isEmpty() && ExcludedPaths.excluded(request.getUriInfo().getRequestUri().getRawPath(), excluded)) {
                return;
            }
            request.setProperty(TIMED, completion.start(this, System.nanoTime(), BoundedNames.method(request.getMethod()),
                    Spans.apiVisible() ? Spans.current() : null));
        } catch (Throwable e) {
            failures.report("HTTP " + request.getMethod() + " request", e); // no request context, say: served untimed
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RequestCompletion timed = timed(request);
        if (timed != null) {
            timed.responded(response.getStatus());
        }
    }

    private boolean active() {
        Boolean on = active;
        if (on == null) {
            MeasuredSettings current = settings.get();
            on = lite.isResolvable() && current.enabled() && current.httpEnabled();
            excludedPaths = current.httpExclude();
            active = on;
        }
        return on;
    }

    /** Never throws: a failure to record, Errors included, is reported, never passed to the request. */
    void record(String method, String template, int status, long start, long end, Object span) {
        try {
            recorders.record(buffer, BoundedNames.jaxRs(method, template), method, status, start, end, span);
        } catch (Throwable e) {
            failures.report("HTTP " + method + " request", e);
        }
    }
}
