package io.measured.it;

import java.util.Map;

/**
 * One span as an OTLP exporter sent it: ids in lowercase hex (32 and 16 digits; the parent's id is
 * empty for a root span), its kind as the protocol names it ({@code SPAN_KIND_SERVER} ...), the
 * instrumentation scope that made it and its attributes as strings.
 */
record ReceivedSpan(String name, String traceId, String spanId, String parentSpanId, String kind, String scope,
        Map<String, String> attributes) {

    boolean isServer() {
        return "SPAN_KIND_SERVER".equals(kind);
    }

    /** The attribute's value, or null when the span has no such attribute. */
    String attribute(String key) {
        return attributes.get(key);
    }
}
