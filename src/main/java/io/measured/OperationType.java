package io.measured;

import java.util.Locale;

/**
 * The kind of operation a {@link Metric} describes.
 *
 * <p>In JSON and in Prometheus labels a type is written as its lower-case name
 * ({@code database}, {@code http}, {@code render}); {@link #key()} returns that form and
 * {@link #fromKey(String)} parses it. Enum constants are immutable and thread-safe.
 */
public enum OperationType {
    /** A call that talks to a database or another data store. */
    DATABASE,
    /** An HTTP request served by the application, recorded by the JAX-RS timing provider. */
    HTTP,
    /** The rendering of a page, template or document. */
    RENDER;

    private final String key = name().toLowerCase(Locale.ROOT);

    /**
     * Returns the lower-case name used as JSON key and label value.
     *
     * @return {@code "database"}, {@code "http"} or {@code "render"}; never null
     */
    public String key() {
        return key;
    }

    /**
     * Parses a type from its name in any case, such as {@code "database"} or {@code "HTTP"}.
     *
     * @param key the name to parse; surrounding white space is not allowed
     * @return the matching type
     * @throws IllegalArgumentException if {@code key} is null or names no type; the message
     *         names the value and the valid names
     */
    public static OperationType fromKey(String key) {
        if (key != null) {
            for (OperationType type : values()) {
                if (type.key.equalsIgnoreCase(key)) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException("operation type '" + key
                + "' is not valid; valid types are database, http, render");
    }
}
