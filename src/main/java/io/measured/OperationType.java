package io.measured;

import java.util.Locale;

/**
 * The kind of operation a {@link Metric} describes.
 *
 * <p>In JSON and in Prometheus labels a type is written as its lower-case name
 * ({@code database}, {@code http}, {@code render}, {@code service}); {@link #key()} returns that
 * form and {@link #fromKey(String)} parses it. Enum constants are immutable and thread-safe.
 */
public enum OperationType {
    /** A call that talks to a database or another data store. */
    DATABASE,
    /** An HTTP request served by the application, recorded by the library's HTTP timing. */
    HTTP,
    /** The rendering of a page, template or document. */
    RENDER,
    /**
     * Business logic: a service or EJB method that is none of the above. The default type of
     * {@link Measured}.
     */
    SERVICE;

    private static final String VALID_KEYS = joinKeys();

    private final String key = name().toLowerCase(Locale.ROOT);

    private static String joinKeys() {
        StringBuilder keys = new StringBuilder();
        for (OperationType type : values()) {
            keys.append(keys.length() == 0 ? "" : ", ").append(type.key);
        }
        return keys.toString();
    }

    /**
     * Returns every type's key, comma-separated in declaration order, for messages that list what
     * is valid.
     *
     * @return {@code "database, http, render, service"}; never null
     */
    public static String validKeys() {
        return VALID_KEYS;
    }

    /**
     * Returns the lower-case name used as JSON key and label value.
     *
     * @return {@code "database"}, {@code "http"}, {@code "render"} or {@code "service"}; never null
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
                + "' is not valid; valid types are " + VALID_KEYS);
    }
}
