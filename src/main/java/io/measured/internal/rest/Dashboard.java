package io.measured.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The dashboard's page, script and style sheet, read once from the jar. The page names the
 * metrics path it was served under, so its script and style sheet load from there and its script
 * reads the JSON endpoints beside it. Nothing comes from another origin; the Content-Security-Policy
 * allows this origin's script, style and fetches only, and no inline script. Immutable.
 */
final class Dashboard {

    /** Sent with the page: own-origin script, style and fetches only; no inline script, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final String HTML = "text/html; charset=utf-8";
    static final String SCRIPT = "text/javascript; charset=utf-8";
    static final String STYLE = "text/css; charset=utf-8";

    private static final String PAGE = read("dashboard.html");
    static final String SCRIPT_TEXT = read("dashboard.js");
    static final String STYLE_TEXT = read("dashboard.css");

    private Dashboard() {
    }

    /**
     * The page for a metrics endpoint at {@code metricsPath} (such as {@code /app/api/metrics}),
     * linking trace ids to {@code traceUrl} ({@code measured.trace.url}, validated) where set.
     */
    static String page(String metricsPath, Optional<String> traceUrl) {
        return PAGE.replace("{{base}}", attribute(metricsPath)).replace("{{trace_url}}", attribute(traceUrl.orElse("")));
    }

    /** Escaped for an HTML attribute value in double quotes. */
    static String attribute(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String read(String name) {
        try (InputStream in = Dashboard.class.getResourceAsStream("dashboard/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks its dashboard resource io/measured/internal/rest/dashboard/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the dashboard resource " + name, e);
        }
    }
}
