package io.measured.internal.web;

import java.util.List;

/** {@code measured.http.exclude}: which request paths are not timed. Servlet-free; stateless. */
public final class ExcludedPaths {

    private ExcludedPaths() {
    }

    /** Whether a path within the application is one of the prefixes or lies below one. */
    public static boolean excluded(String path, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)
                    && (path.length() == prefix.length() || prefix.endsWith("/") || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }
}
