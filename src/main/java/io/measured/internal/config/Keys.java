package io.measured.internal.config;

import java.util.List;
import java.util.Locale;

/** The configuration keys this library reads; any other {@code measured.*} key is a mistake. */
public final class Keys {

    public static final String PREFIX = "measured.";
    public static final String ENABLED = "measured.enabled";
    public static final String BUFFER_SIZE = "measured.buffer.size";
    public static final String SAMPLING_RATE = "measured.sampling.rate";
    public static final String SAMPLING_RATE_PREFIX = "measured.sampling.rate.";
    public static final String SLOW_THRESHOLD_MS = "measured.slow.threshold-ms";
    public static final String HTTP_ENABLED = "measured.http.enabled";
    public static final String HTTP_EXCLUDE = "measured.http.exclude";
    public static final String FACES_ENABLED = "measured.faces.enabled";
    public static final String JDBC_ENABLED = "measured.jdbc.enabled";
    public static final String ENDPOINT_ROLE = "measured.endpoint.role";
    public static final String ENDPOINT_MUTATIONS = "measured.endpoint.mutations";
    public static final String METADATA_MAX_LENGTH = "measured.metadata.max-length";
    public static final String OPERATIONS_MAX = "measured.operations.max";
    public static final String HISTOGRAM_BUCKETS = "measured.histogram.buckets";
    public static final String ERRORS_EXPECTED = "measured.errors.expected";
    public static final String OTEL_ENABLED = "measured.otel.enabled";
    public static final String OTEL_TYPES = "measured.otel.types";
    public static final String TRACE_URL = "measured.trace.url";

    /** Every valid key, in the order of the documentation. */
    public static final List<String> ALL = List.of(ENABLED, BUFFER_SIZE, SAMPLING_RATE,
            SAMPLING_RATE_PREFIX + "database", SAMPLING_RATE_PREFIX + "http", SAMPLING_RATE_PREFIX + "render",
            SAMPLING_RATE_PREFIX + "service",
            SLOW_THRESHOLD_MS, HTTP_ENABLED, HTTP_EXCLUDE, FACES_ENABLED, JDBC_ENABLED, ENDPOINT_ROLE,
            ENDPOINT_MUTATIONS, METADATA_MAX_LENGTH, OPERATIONS_MAX, HISTOGRAM_BUCKETS, ERRORS_EXPECTED,
            OTEL_ENABLED, OTEL_TYPES, TRACE_URL);

    private Keys() {
    }

    /** True for a name in this library's namespace, in property or environment-variable spelling. */
    public static boolean isOurs(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith(PREFIX) || lower.startsWith("measured_");
    }

    /** Returns the valid key a name spells (as itself or as MicroProfile's environment variable form), or null. */
    public static String canonical(String name) {
        for (String key : ALL) {
            if (key.equals(name) || environmentName(key).equals(name) || sanitized(key).equals(name)) {
                return key;
            }
        }
        return null;
    }

    /** MicroProfile Config's environment variable name: non-alphanumerics become '_', upper case. */
    public static String environmentName(String key) {
        return sanitized(key).toUpperCase(Locale.ROOT);
    }

    static String sanitized(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            out.append(c < 128 && Character.isLetterOrDigit(c) ? c : '_');
        }
        return out.toString();
    }

    /** Returns the valid key closest to a name by edit distance, comparing in property spelling. */
    public static String nearest(String name) {
        String probe = name.toLowerCase(Locale.ROOT);
        String best = ALL.get(0);
        int bestDistance = Integer.MAX_VALUE;
        for (String key : ALL) {
            int distance = Math.min(editDistance(probe, key), editDistance(probe, sanitized(key)));
            if (distance < bestDistance) {
                best = key;
                bestDistance = distance;
            }
        }
        return best;
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
