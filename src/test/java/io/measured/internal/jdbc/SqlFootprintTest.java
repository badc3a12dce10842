package io.measured.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.MetricsBuffer;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Memory: what recording SQL keeps, as heap retained after full garbage collections (the used heap
 * after them, before and after the work, while what the work built stays reachable).
 */
class SqlFootprintTest {

    private static final int MEGABYTE = 1 << 20;

    /** A 1 MB statement of one of three kinds: a long literal, a long list of numbers, a long list of names. */
    private static String statement(int n) {
        StringBuilder sql = new StringBuilder(MEGABYTE + 100);
        switch (n % 3) {
            case 0 -> {
                sql.append("INSERT INTO notes (id, body) VALUES (").append(n).append(", 'secret ");
                while (sql.length() < MEGABYTE) {
                    sql.append("card 4111 1111 1111 ").append(n).append(' ');
                }
                sql.append("')");
            }
            case 1 -> {
                sql.append("SELECT * FROM notes WHERE id IN (").append(n);
                for (int id = 0; sql.length() < MEGABYTE; id++) {
                    sql.append(", ").append(id * 7 + n);
                }
                sql.append(')');
            }
            default -> {
                sql.append("SELECT c").append(n);
                for (int column = 0; sql.length() < MEGABYTE; column++) {
                    sql.append(", c").append(column);
                }
                sql.append(" FROM notes");
            }
        }
        return sql.toString();
    }

    @Test
    void threeHundredDistinctOneMegabyteStatementsRetainUnderFiveMegabytesAndNoRawText() {
        MetricsBuffer buffer = new MetricsBuffer(1_000);
        JdbcRecorder recorder = new JdbcRecorder(buffer, new SqlCache());
        recorder.executed(recorder.sql("SELECT 1"), 0, 1_000, null); // loads the classes before measuring
        List<WeakReference<String>> texts = new ArrayList<>();
        long before = retainedHeap();
        for (int n = 0; n < 300; n++) {
            String text = statement(n);
            texts.add(new WeakReference<>(text));
            recorder.executed(recorder.sql(text), 0, 1_000, null);
        }
        long retained = retainedHeap() - before;

        assertThat(texts).allSatisfy(text -> assertThat(text.get()).as("a raw text still reachable").isNull());
        assertThat(retained).as("bytes retained by 300 statements of 1 MB").isLessThan(5_000_000);
        assertThat(buffer.getAll()).hasSize(301).allSatisfy(metric -> assertThat(metric.metadata().get("sql"))
                .doesNotContain("secret").doesNotContain("4111").hasSizeLessThanOrEqualTo(256));
        Reference.reachabilityFence(recorder);
    }

    @Test
    void aFullCacheRetainsUnder2Point5MegabytesAndADataSourcesFormsUnder2WithTheWidestCharacters() {
        SqlCache cache = new SqlCache();
        JdbcRecorder recorder = new JdbcRecorder(new MetricsBuffer(1), cache);
        recorder.sql("SELECT 1");
        String wide = "ж".repeat(500); // not Latin-1: two bytes a char
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < SqlCache.MAX_ENTRIES + 100; n++) {
            // one operation name for all: the buffer's statistics per name are bounded and measured apart
            texts.add("SELECT " + wide + ", столбец_" + Integer.toString(n, 36).replaceAll("\\d", "ы") + " FROM notes WHERE id = " + n);
        }
        long empty = retainedHeap();
        texts.forEach(cache::analysisOf);
        long cacheFull = retainedHeap();
        texts.forEach(recorder::sql);
        long formsKept = retainedHeap();

        assertThat(texts.stream().filter(text -> cache.find(text) != null).count()).as("texts cached until the character bound")
                .isBetween(1_800L, (long) SqlCache.MAX_ENTRIES);
        assertThat(cacheFull - empty).as("bytes retained by a full cache").isLessThan(2_500_000);
        assertThat(formsKept - cacheFull).as("bytes retained by one data source's forms, text cut to 256 chars")
                .isLessThan(2_000_000);
        Reference.reachabilityFence(recorder);
        Reference.reachabilityFence(texts);
    }

    /** The used heap after full collections: the least of a few readings, once two agree within 64 KB. */
    private static long retainedHeap() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(used - least) < 65_536) {
                return Math.min(used, least);
            }
            least = Math.min(least, used);
        }
        return least;
    }
}
