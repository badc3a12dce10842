package io.measured.internal.jdbc;

/**
 * What is recorded of a SQL text: the text without values ({@link SqlSanitizer}) and the operation
 * name ({@link SqlSummary}), both made of the sanitized text only. Compares a raw text's sanitized
 * form with its own as a {@link SqlSink}, allocating nothing, so that {@link SqlCache} finds it again
 * without keeping raw text. Identity is the object's: the one a cache keeps stands for every text
 * found to sanitize to it. Immutable and thread-safe.
 */
final class SqlAnalysis implements SqlSink {

    final String sanitized;
    final String summary;
    /** Whether the cache keeps this analysis (so that keeping more about it is bounded as well). */
    final boolean cached;

    SqlAnalysis(String sanitized, String summary, boolean cached) {
        this.sanitized = sanitized;
        this.summary = summary;
        this.cached = cached;
    }

    /** Whether {@code sql} sanitizes to this analysis's text. */
    boolean isOf(String sql) {
        return SqlSanitizer.matches(sql, this, sanitized.length());
    }

    @Override
    public int put(int at, char c) {
        return at >= 0 && at < sanitized.length() && sanitized.charAt(at) == c ? at + 1 : FAILED;
    }

    @Override
    public int put(int at, String text, int from, int to) {
        return at >= 0 && sanitized.regionMatches(at, text, from, to - from) ? at + to - from : FAILED;
    }
}
