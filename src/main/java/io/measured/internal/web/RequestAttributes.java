package io.measured.internal.web;

/**
 * Request attributes by which the JAX-RS and Faces layers tell the servlet filter what a request
 * was, so that it is timed once, by the filter, under a bounded name.
 */
public final class RequestAttributes {

    private static final String PREFIX = "io.measured.";
    /** The JAX-RS path template of the matched resource method, such as {@code /notes/{id}}. */
    public static final String JAX_RS_TEMPLATE = PREFIX + "jaxrs.template";
    /** The Faces view id of a view that exists, such as {@code /admin/dashboard.xhtml}. */
    public static final String FACES_VIEW = PREFIX + "faces.view";
    /** Present when the request must not be timed (the metrics endpoint itself). */
    public static final String UNTIMED = PREFIX + "untimed";
    /** Present once the servlet filter times the request, so a chain that reaches the filter again does not time it twice. */
    public static final String TIMED_BY_FILTER = PREFIX + "timed";

    /**
     * The span context of the runtime's server span, seen by the JAX-RS layer while it was current
     * ({@code ServerSpanCapture}), where the runtime makes it current only after the servlet filter
     * ran: the request is recorded in it.
     */
    public static final String SERVER_SPAN = PREFIX + "server.span";

    private RequestAttributes() {
    }
}
