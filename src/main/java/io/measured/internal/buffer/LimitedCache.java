package io.measured.internal.buffer;

import java.util.Map;

/**
 * Remembers the last immutable metadata map and its limited copy, by identity. Only maps of the
 * JDK's own immutable classes ({@code Map.of}, {@code Map.copyOf}) are remembered: their contents
 * cannot change, so the copy stays right.
 */
final class LimitedCache {

    private static final Class<?> MAP_1 = Map.of("k", "v").getClass();
    private static final Class<?> MAP_N = Map.of("k", "v", "k2", "v2").getClass();

    private record Entry(Map<String, String> given, Map<String, String> limited) {
    }

    private volatile Entry last;

    Map<String, String> limited(Map<String, String> metadata, MetadataLimiter limiter) {
        Entry remembered = last;
        if (remembered != null && remembered.given == metadata) {
            return remembered.limited;
        }
        Map<String, String> limited = limiter.limit(metadata);
        if (metadata.getClass() == MAP_1 || metadata.getClass() == MAP_N) {
            last = new Entry(metadata, limited);
        }
        return limited;
    }
}
