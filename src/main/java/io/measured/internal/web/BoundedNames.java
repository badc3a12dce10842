package io.measured.internal.web;

import java.util.List;

/**
 * The servlet-free parts of a request's bounded name, shared by the servlet filter and the JAX-RS
 * layer's own timing (which runs where there is no Servlet API, as under Quarkus REST): the method
 * part, and the name of a request that matched no JAX-RS resource. Stateless.
 */
public final class BoundedNames {

    /** What a request that matched nothing is named after: {@code GET (unmatched)}. */
    public static final String UNMATCHED = "(unmatched)";
    static final String OTHER_METHOD = "OTHER";
    /** Every name {@link #method} answers: the standard methods, then {@code OTHER}. */
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE",
            "CONNECT", OTHER_METHOD);

    private BoundedNames() {
    }

    /** The method if standard, else {@code OTHER}, so invented methods cannot add operations; null gives {@code OTHER}. */
    public static String method(String method) {
        return method != null && METHODS.contains(method) ? method : OTHER_METHOD;
    }

    /**
     * A JAX-RS request's name: {@code <method> <template>}, or {@code <method> (unmatched)} when it
     * matched no resource method (such as a 405 for a method no resource offers).
     *
     * @param method as {@link #method} answers it
     * @param template the matched resource method's path template, or null
     */
    public static String jaxRs(String method, String template) {
        return method + " " + (template != null ? template : UNMATCHED);
    }
}
