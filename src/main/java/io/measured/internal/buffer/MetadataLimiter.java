package io.measured.internal.buffer;

import java.util.HashMap;
import java.util.Map;

/**
 * Makes recorded text safe to keep: null entries are dropped or spelled out and every key,
 * value and operation name longer than the limit is cut to the limit.
 */
public final class MetadataLimiter {

    /** The smallest limit allowed, so that a cut value still says something. */
    public static final int MIN_LENGTH = 16;
    /** The largest limit allowed. */
    public static final int MAX_LENGTH = 65_536;

    private static final Class<?> MAP_1 = Map.of("k", "v").getClass();
    private static final Class<?> MAP_N = Map.of("k", "v", "k2", "v2").getClass();

    private final int maxLength;

    /** @param maxLength the longest text kept, in chars; {@code 16 .. 65,536} */
    public MetadataLimiter(int maxLength) {
        if (maxLength < MIN_LENGTH || maxLength > MAX_LENGTH) {
            throw new IllegalArgumentException("metadata max length must be within " + MIN_LENGTH
                    + " .. " + MAX_LENGTH + ", was " + maxLength);
        }
        this.maxLength = maxLength;
    }

    /** Returns the limit in chars. */
    public int maxLength() {
        return maxLength;
    }

    /** Returns the text cut to the limit, never splitting a surrogate pair. */
    public String limit(String text) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = maxLength;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * Whether a map can be kept without a copy: it is one of the JDK's immutable maps (no null
     * key or value, contents that never change) and every key and value is within the limit.
     */
    public boolean keepsAsIs(Map<String, String> metadata) {
        Class<?> type = metadata.getClass();
        if (type != MAP_1 && type != MAP_N) {
            return false;
        }
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            if (entry.getKey().length() > maxLength || entry.getValue().length() > maxLength) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns an unmodifiable copy with null keys dropped, null values written as {@code "null"},
     * and keys and values cut to the limit.
     */
    public Map<String, String> limit(Map<String, String> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new HashMap<>(metadata.size() * 2);
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            if (entry.getKey() != null) {
                String value = entry.getValue() == null ? "null" : entry.getValue();
                copy.put(limit(entry.getKey()), limit(value));
            }
        }
        return Map.copyOf(copy);
    }
}
