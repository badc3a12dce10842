package io.measured.internal.rest;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

/**
 * One request timed by {@link JaxRsRequestTiming}, recorded when the container ends the request's
 * context: after the body is written, and also for a request that ended in an exception no mapper
 * handled, for which no response filter runs and the container answers 500. A request that matched
 * no resource and got no JAX-RS response was passed on to other routes (static files, the
 * container's 404), whose status is unknown here: it is not recorded. The metrics endpoint's own
 * requests are not recorded. Confined to its request's thread at a time, as the request scope is.
 *
 * <p>{@link #start} answers the contextual instance itself, which the filters keep as a request
 * property and call directly: each call through the client proxy would look the request context up
 * again, a cost every request of a Quarkus application would pay twice more.
 */
@RequestScoped
public class RequestCompletion {

    /** {@link #status} until a response filter reports one. */
    private static final int NO_RESPONSE = -1;

    private JaxRsRequestTiming timing;
    private long start;
    private String method;
    private String template;
    private boolean matched;
    private boolean untimed;
    private int status = NO_RESPONSE;
    /** The span current when the request started (Quarkus' server span), or null. */
    private Object span;

    /** @return this request's instance, not a client proxy: to be called only within its request */
    RequestCompletion start(JaxRsRequestTiming by, long startNanos, String boundedMethod, Object currentSpan) {
        timing = by;
        start = startNanos;
        method = boundedMethod;
        span = currentSpan;
        return this;
    }

    void matched(String pathTemplate) {
        matched = true;
        template = pathTemplate;
    }

    /** Whether a filter already named the request. */
    boolean named() {
        return matched;
    }

    void untimed() {
        untimed = true;
    }

    void responded(int responseStatus) {
        status = responseStatus;
    }

    @PreDestroy
    void end() {
        if (timing == null || untimed || (status == NO_RESPONSE && !matched)) {
            return;
        }
        timing.record(method, template, status == NO_RESPONSE ? 500 : status, start, System.nanoTime(), span);
    }
}
