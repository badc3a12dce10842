package io.measured.internal.config;

/**
 * What makes a {@code measured.http.exclude} prefix valid. Prefixes are compared with the decoded,
 * normalised path of each request, so a prefix in any other form (percent-escapes, path
 * parameters, dot or empty segments) could never match and would exclude nothing without a word:
 * such a prefix is refused. Stateless.
 */
final class PathPrefix {

    private PathPrefix() {
    }

    /** Why {@code prefix} is not a valid path prefix, or null when it is. */
    static String problem(String prefix) {
        if (!prefix.startsWith("/") || prefix.chars().anyMatch(c -> Character.isWhitespace(c) || c == '?' || c == '#')) {
            return "is not a path prefix";
        }
        if (prefix.chars().anyMatch(c -> c == '%' || c == ';' || c == '\\' || Character.isISOControl(c))
                || hasDotOrEmptySegment(prefix)) {
            return "is not a path as the application sees it: requests are matched by their decoded, normalised"
                    + " path, so a prefix has no %-escapes, ';' parameters, '\\', control characters, or empty,"
                    + " '.' or '..' segments";
        }
        return null;
    }

    /** Empty segments count only before the last: a prefix may end in '/'. */
    private static boolean hasDotOrEmptySegment(String prefix) {
        String[] segments = prefix.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            boolean dots = segments[i].equals(".") || segments[i].equals("..");
            if (dots || segments[i].isEmpty() && i < segments.length - 1) {
                return true;
            }
        }
        return false;
    }
}
