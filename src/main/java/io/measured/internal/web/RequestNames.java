package io.measured.internal.web;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The bounded name of an HTTP request: {@code <METHOD> <what served it>}, never the raw URI. What
 * served it is, in order: the JAX-RS path template; {@code (unmatched)} for any other 404; the
 * Faces view id; the servlet mapping pattern ({@code /download/*}, {@code *.xhtml}, {@code /} for
 * the default servlet). Methods outside the standard set are named {@code OTHER}, so invented
 * methods cannot add operations. Stateless.
 */
final class RequestNames {

    private RequestNames() {
    }

    /** The request's method if standard, else {@code OTHER}. */
    static String method(HttpServletRequest request) {
        return BoundedNames.method(request.getMethod());
    }

    static String name(HttpServletRequest request, String method, int status) {
        Object template = request.getAttribute(RequestAttributes.JAX_RS_TEMPLATE);
        Object view = request.getAttribute(RequestAttributes.FACES_VIEW);
        return name(method, template instanceof String jaxRs ? jaxRs : null, status,
                view instanceof String viewId ? viewId : null, mapping(request));
    }

    /**
     * @param template the JAX-RS template matched, or null
     * @param viewId the Faces view id of a view that exists, or null
     * @param mapping the servlet mapping that served the request, or null when unknown
     */
    static String name(String method, String template, int status, String viewId, HttpServletMapping mapping) {
        if (template != null || status == 404) {
            return BoundedNames.jaxRs(method, template);
        }
        if (viewId != null) {
            return method + " " + viewId;
        }
        return method + " " + pattern(mapping);
    }

    private static HttpServletMapping mapping(HttpServletRequest request) {
        try {
            return request.getHttpServletMapping();
        } catch (RuntimeException | AbstractMethodError unsupported) {
            return null;
        }
    }

    /** The mapping's pattern; {@code /} for the default servlet and the context root. */
    private static String pattern(HttpServletMapping mapping) {
        if (mapping == null || mapping.getMappingMatch() == null) {
            return BoundedNames.UNMATCHED;
        }
        switch (mapping.getMappingMatch()) {
            case CONTEXT_ROOT:
            case DEFAULT:
                return "/";
            default:
                String pattern = mapping.getPattern();
                return pattern == null || pattern.isEmpty() ? BoundedNames.UNMATCHED : pattern;
        }
    }
}
