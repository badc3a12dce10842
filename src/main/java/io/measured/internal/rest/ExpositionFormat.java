package io.measured.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats {@code GET /metrics} can answer in, and the choice among them from an {@code Accept}
 * header by its q-values. No header, or a bare wildcard, means JSON.
 */
enum ExpositionFormat {
    JSON("application/json", "application/json"),
    PROMETHEUS("text/plain", "text/plain; version=0.0.4; charset=utf-8"),
    OPENMETRICS("application/openmetrics-text", "application/openmetrics-text; version=1.0.0; charset=utf-8"),
    /** The dashboard, for browsers: their Accept names text/html before any wildcard. */
    HTML("text/html", Dashboard.HTML);

    private final String mediaType;
    private final String contentType;

    ExpositionFormat(String mediaType, String contentType) {
        this.mediaType = mediaType;
        this.contentType = contentType;
    }

    /** The value of the answer's Content-Type header. */
    String contentType() {
        return contentType;
    }

    /** What the Accept error message lists. */
    static String supported() {
        return "application/json, text/plain (Prometheus 0.0.4), application/openmetrics-text (OpenMetrics 1.0),"
                + " text/html (the dashboard)";
    }

    private record Range(String type, String subtype, double q, int position) {

        int specificity() {
            return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
        }

        boolean matches(String mediaType) {
            String[] parts = mediaType.split("/");
            return (type.equals("*") || type.equals(parts[0])) && (subtype.equals("*") || subtype.equals(parts[1]));
        }
    }

    /** A format with the range that decides its quality: the most specific range matching it. */
    private record Candidate(ExpositionFormat format, Range range) {
    }

    /**
     * Returns the format to answer in, or empty when the header accepts none of them (406). As in
     * RFC 9110 section 12.5.1, a format's quality is that of the most specific range matching it, so
     * {@code application/json;q=0, *}{@code /*} refuses JSON; among equal qualities the more specific
     * range wins, then the range named first, then the order of this enum.
     */
    static Optional<ExpositionFormat> choose(String acceptHeader) {
        if (acceptHeader == null || acceptHeader.isBlank()) {
            return Optional.of(JSON);
        }
        List<Range> ranges = parse(acceptHeader);
        Candidate best = null;
        for (ExpositionFormat format : values()) {
            Range deciding = null;
            for (Range range : ranges) {
                if (range.matches(format.mediaType) && (deciding == null || range.specificity() > deciding.specificity())) {
                    deciding = range;
                }
            }
            if (deciding != null && deciding.q > 0 && (best == null || better(deciding, best.range))) {
                best = new Candidate(format, deciding);
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.format);
    }

    private static boolean better(Range range, Range than) {
        if (range.q != than.q) {
            return range.q > than.q;
        }
        if (range.specificity() != than.specificity()) {
            return range.specificity() > than.specificity();
        }
        return range.position < than.position;
    }

    private static List<Range> parse(String header) {
        List<Range> ranges = new ArrayList<>();
        String[] items = header.split(",");
        for (int position = 0; position < items.length; position++) {
            String[] parts = items[position].split(";");
            String mediaRange = parts[0].trim().toLowerCase(Locale.ROOT);
            int slash = mediaRange.indexOf('/');
            if (slash <= 0 || slash == mediaRange.length() - 1) {
                continue;
            }
            ranges.add(new Range(mediaRange.substring(0, slash).trim(), mediaRange.substring(slash + 1).trim(),
                    Quality.of(parts), position));
        }
        return ranges;
    }
}
