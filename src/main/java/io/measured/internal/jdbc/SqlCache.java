package io.measured.internal.jdbc;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The analyses of the SQL texts an application runs, found again without keeping any raw text alive
 * (raw texts hold values, and would stay in heap dumps): an entry holds a raw text's hash and
 * length, its analysis, and the text it was made from only weakly (so that a collection clears it
 * once nothing else holds it). A text is given an entry's analysis only when it is that very
 * {@code String} (a constant, or a query plan's cached text: found at once), or when, sanitized
 * again, it equals the entry's sanitized text character for character ({@link SqlAnalysis#isOf},
 * allocating nothing). So however texts collide, a text gets exactly the name and text it would get
 * analysed anew; two texts that sanitize alike share an analysis, as they should.
 *
 * <p>Bounded: at most {@value #MAX_ENTRIES} entries, whose sanitized texts and names hold at most
 * {@value #MAX_CHARS} chars together, none longer than {@value #MAX_TEXT_CHARS}; at most about
 * 2.4 MB with the slots (two bytes a char). Entries stay for the cache's life; texts beyond the bounds are analysed on
 * every use instead. At most {@value #MAX_SAME_HASH} entries share a hash and length, so that texts
 * built to collide cost a bounded number of comparisons. Open addressing over {@value #SLOTS} slots
 * (more than twice the entries, so probes stay short and an empty slot always ends one).
 * Thread-safe: entries are immutable and published by compare-and-set.
 */
final class SqlCache {

    static final int MAX_ENTRIES = 2_000;
    static final int MAX_CHARS = 1 << 20;
    static final int MAX_TEXT_CHARS = 16_384;
    static final int MAX_SAME_HASH = 4;
    private static final int SLOTS = 4_096;

    /** @param made the text the analysis was made from, held weakly: never kept alive by this cache */
    private record Entry(int hash, int length, SqlAnalysis analysis, WeakReference<String> made) {
    }

    /** The cache of this copy of the library, for its class loader's life. */
    static final SqlCache SHARED = new SqlCache();

    private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(SLOTS);
    private final AtomicInteger entries = new AtomicInteger();
    private final AtomicInteger chars = new AtomicInteger();

    /** The analysis of {@code sql}: the cached one if there is one, else made now (and cached while there is room). */
    SqlAnalysis analysisOf(String sql) {
        SqlAnalysis known = find(sql);
        if (known != null) {
            return known;
        }
        String sanitized = SqlSanitizer.sanitize(sql);
        String summary = SqlSummary.of(sanitized);
        SqlAnalysis kept = keep(sql, sanitized, summary);
        return kept != null ? kept : new SqlAnalysis(sanitized, summary, false);
    }

    /** The analysis of {@code sql}, or null when none is cached. */
    SqlAnalysis find(String sql) {
        int hash = sql.hashCode();
        int same = 0;
        for (int probe = 0; probe < SLOTS; probe++) {
            Entry entry = slots.get(slot(hash, sql.length(), probe));
            if (entry == null) {
                return null;
            }
            if (entry.hash == hash && entry.length == sql.length()) {
                if (entry.made.get() == sql || entry.analysis.isOf(sql)) {
                    return entry.analysis;
                }
                if (++same == MAX_SAME_HASH) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * Caches the analysis of {@code sql} while there is room: returns the analysis cached for it (this
     * one, or one that another thread cached first), or null when it is not cached.
     */
    SqlAnalysis keep(String sql, String sanitized, String summary) {
        int size = sanitized.length() + summary.length();
        if (sanitized.length() > MAX_TEXT_CHARS || !reserve(size)) {
            return null;
        }
        SqlAnalysis analysis = new SqlAnalysis(sanitized, summary, true);
        Entry added = new Entry(sql.hashCode(), sql.length(), analysis, new WeakReference<>(sql));
        int same = 0;
        for (int probe = 0; probe < SLOTS && same < MAX_SAME_HASH; probe++) {
            int slot = slot(added.hash, added.length, probe);
            if (slots.compareAndSet(slot, null, added)) {
                return analysis;
            }
            Entry entry = slots.get(slot);
            if (entry.hash == added.hash && entry.length == added.length) {
                if (entry.analysis.isOf(sql)) {
                    release(size);
                    return entry.analysis;
                }
                same++;
            }
        }
        release(size);
        return null;
    }

    private boolean reserve(int size) {
        if (entries.get() >= MAX_ENTRIES || chars.get() > MAX_CHARS - size) {
            return false; // full for good: read before writing, so that a full cache is not contended
        }
        if (entries.incrementAndGet() > MAX_ENTRIES) {
            entries.decrementAndGet();
            return false;
        }
        if (chars.addAndGet(size) > MAX_CHARS) {
            release(size);
            return false;
        }
        return true;
    }

    private void release(int size) {
        entries.decrementAndGet();
        chars.addAndGet(-size);
    }

    private static int slot(int hash, int length, int probe) {
        int h = hash * 31 + length;
        return ((h ^ h >>> 16) + probe) & (SLOTS - 1);
    }
}
