package io.measured.internal.jdbc;

/**
 * What is recorded of a SQL text: the text without values ({@link SqlSanitizer}) and the operation
 * name ({@link SqlSummary}), both made of the sanitized text only. Found again for a raw text
 * through a bounded {@link SqlCache} that keeps no raw text. Compares a raw text's sanitized form
 * with its own as a {@link SqlSink}, allocating nothing. Identity is the object's: an analysis the
 * cache keeps is the same object for every text that sanitizes to it. Immutable and thread-safe.
 */
final class SqlAnalysis implements SqlSink {

    private static final SqlCache CACHE = new SqlCache();

    final String sanitized;
    final String summary;
    /** Whether the cache keeps this analysis (so that keeping more about it is bounded as well). */
    final boolean cached;

    SqlAnalysis(String sanitized, String summary, boolean cached) {
        this.sanitized = sanitized;
        this.summary = summary;
        this.cached = cached;
    }

    /** The analysis of {@code sql}: the cached one if there is one, else made now (and cached while there is room). */
    static SqlAnalysis of(String sql) {
        SqlAnalysis known = CACHE.find(sql);
        if (known != null) {
            return known;
        }
        String sanitized = SqlSanitizer.sanitize(sql);
        String summary = SqlSummary.of(sanitized);
        SqlAnalysis kept = CACHE.keep(sql, sanitized, summary);
        return kept != null ? kept : new SqlAnalysis(sanitized, summary, false);
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
