package io.measured.internal.jdbc;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The sanitized text and summary of SQL strings, cached: applications run the same few statements
 * over and over. Bounded: once {@value #MAX_ENTRIES} texts are cached, further ones are analysed
 * on every use instead (an application that builds SQL with inline values would otherwise fill
 * memory). Thread-safe.
 */
final class SqlAnalysis {

    static final int MAX_ENTRIES = 2_000;

    record Result(String sanitized, String summary) {
    }

    private static final ConcurrentHashMap<String, Result> CACHE = new ConcurrentHashMap<>();

    private SqlAnalysis() {
    }

    static Result of(String sql) {
        Result cached = CACHE.get(sql);
        if (cached != null) {
            return cached;
        }
        String sanitized = SqlSanitizer.sanitize(sql);
        Result result = new Result(sanitized, SqlSummary.of(sanitized));
        if (CACHE.size() < MAX_ENTRIES) {
            CACHE.putIfAbsent(sql, result);
        }
        return result;
    }
}
