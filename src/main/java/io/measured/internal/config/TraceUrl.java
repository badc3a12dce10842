package io.measured.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The rule for {@link Keys#TRACE_URL}: an absolute http or https URL that names {@code {trace_id}}
 * where a trace id goes (and optionally {@code {span_id}}), and becomes a valid URL once they are
 * replaced. Only http and https, since the dashboard puts the result in a link's {@code href}.
 */
final class TraceUrl {

    static final String TRACE_ID = "{trace_id}";
    static final String SPAN_ID = "{span_id}";

    private TraceUrl() {
    }

    /** What is wrong with {@code template}, or null when it is valid. */
    static String problem(String template) {
        if (!template.contains(TRACE_ID)) {
            return "it does not contain " + TRACE_ID;
        }
        String filled = template.replace(TRACE_ID, "0af7651916cd43dd8448eb211c80319c").replace(SPAN_ID, "b7ad6b7169203331");
        if (filled.indexOf('{') >= 0 || filled.indexOf('}') >= 0) {
            return "it has a placeholder other than " + TRACE_ID + " and " + SPAN_ID;
        }
        try {
            URI uri = new URI(filled);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "its scheme is '" + scheme + "', not http or https";
            }
            if (uri.getHost() == null) {
                return "it has no host";
            }
            return null;
        } catch (URISyntaxException e) {
            return "it is not a URL (" + e.getMessage() + ")";
        }
    }
}
