package io.measured.internal.web;

import java.util.List;
import java.util.Optional;

/**
 * Which requests {@code measured.http.exclude} leaves untimed. A request is excluded only when its
 * path within the application lies at or below one of the prefixes in both of two views: the
 * canonical form of the raw request URI ({@link CanonicalPath}) less the context path, and the
 * servlet path plus path info the container resolved. A request whose URI cannot be canonicalised,
 * does not begin with its context path, or on which the two views disagree is timed, so a client
 * cannot hide a request by spelling its path another way ({@code /static/%2e%2e/api/notes}), and
 * every spelling of an excluded path ({@code /health;jsessionid=1}, {@code /%68ealth}) is excluded.
 * Where no servlet container resolved the path (the JAX-RS layer of Quarkus REST), the canonical
 * form of the raw request path is the one view. Servlet-free and stateless.
 */
public final class ExcludedPaths {

    private ExcludedPaths() {
    }

    /**
     * Whether a request with this raw path (from the server root, as the client sent it, without
     * query) is excluded, where the application is served at the server root and no container
     * resolved the path: its canonical form must be covered; a suspicious path is timed.
     */
    public static boolean excluded(String rawPath, List<String> prefixes) {
        if (prefixes.isEmpty()) {
            return false;
        }
        Optional<String> canonical = CanonicalPath.of(rawPath);
        return canonical.isPresent() && covered(canonical.get(), prefixes);
    }

    /**
     * @param requestUri the raw request URI, as {@link HttpServletRequest#getRequestURI()} gives it
     * @param contextPath the raw context path; empty for the root context
     * @param servletPath the decoded servlet path the container resolved (may be empty)
     * @param pathInfo the decoded path info the container resolved, or null
     */
    static boolean excluded(String requestUri, String contextPath, String servletPath, String pathInfo,
            List<String> prefixes) {
        if (prefixes.isEmpty()) {
            return false;
        }
        Optional<String> requested = withinApplication(requestUri, contextPath);
        if (requested.isEmpty() || !covered(requested.get(), prefixes)) {
            return false;
        }
        String resolved = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return covered(resolved.isEmpty() ? "/" : resolved, prefixes);
    }

    /** The canonical path of a request URI below its context path; empty when either is suspicious or they do not fit. */
    static Optional<String> withinApplication(String requestUri, String contextPath) {
        Optional<String> uri = CanonicalPath.of(requestUri);
        if (uri.isEmpty() || contextPath == null) {
            return Optional.empty();
        }
        if (contextPath.isEmpty()) {
            return uri;
        }
        Optional<String> context = CanonicalPath.of(contextPath);
        if (context.isEmpty()) {
            return Optional.empty();
        }
        String path = uri.get();
        String root = context.get();
        if (root.equals("/")) {
            return uri;
        }
        if (path.equals(root)) {
            return Optional.of("/");
        }
        return path.startsWith(root + "/") ? Optional.of(path.substring(root.length())) : Optional.empty();
    }

    /** Whether a canonical path is one of the prefixes or lies below one (whole segments only). */
    static boolean covered(String path, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)
                    && (path.length() == prefix.length() || prefix.endsWith("/") || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }
}
