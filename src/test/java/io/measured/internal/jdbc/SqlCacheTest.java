package io.measured.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.Allocations;
import io.measured.MetricsBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The cache of SQL analyses: found again without raw text, never for the wrong text, bounded. */
class SqlCacheTest {

    private final SqlCache cache = new SqlCache();

    /** Texts of one length and hash: "Aa" and "BB" add the same to a String's hash at the same place. */
    private static List<String> colliding(String shape, int count) {
        int blocks = 32 - Integer.numberOfLeadingZeros(count - 1);
        return IntStream.range(0, count).mapToObj(n -> {
            StringBuilder block = new StringBuilder();
            for (int b = 0; b < blocks; b++) {
                block.append((n >> b & 1) == 0 ? "Aa" : "BB");
            }
            return shape.replace("%s", block);
        }).toList();
    }

    /** {@code n} in letters only (a, b, ..., ba, bb, ...): names without digits, which would be values. */
    private static String letters(int n) {
        StringBuilder letters = new StringBuilder();
        do {
            letters.insert(0, (char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return letters.toString();
    }

    @Nested
    @DisplayName("a text seen before")
    class SeenBefore {

        @Test
        void isFoundAsTheSameAnalysis() {
            SqlAnalysis first = cache.analysisOf("SELECT title FROM notes WHERE id = 7");
            assertThat(first.cached).isTrue();
            assertThat(cache.analysisOf("SELECT title FROM notes WHERE id = 7")).isSameAs(first);
            assertThat(cache.analysisOf(new String("SELECT title FROM notes WHERE id = 7".toCharArray()))).isSameAs(first);
        }

        @Test
        void isRecordedWithoutAllocating() {
            JdbcRecorder recorder = new JdbcRecorder(new MetricsBuffer(10), cache);
            String text = "SELECT title FROM notes WHERE id = 7 AND tag IN ('a', 'b')";
            String equal = new String(text.toCharArray()); // its own hash, computed on every lookup
            Sql sql = recorder.sql(text);
            for (int i = 0; i < 10_000; i++) { // compiled code, as a server runs it
                recorder.sql(equal);
            }
            long bytes = Allocations.byCurrentThread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    if (recorder.sql(equal) != sql || recorder.sql(text) != sql) {
                        throw new AssertionError("a seen text got another recorded form");
                    }
                }
            });
            // one object per lookup would be 320,000 bytes or more; what remains is the counter's own
            assertThat(bytes).as("bytes allocated by 20,000 lookups of seen texts").isLessThan(1_000);
        }
    }

    @Nested
    @DisplayName("texts of the same hash and length")
    class Collisions {

        @Test
        void getTheirOwnNameAndText() {
            List<String> texts = colliding("INSERT INTO t%s (a) VALUES (1)", 4);
            assertThat(texts.stream().map(String::hashCode).distinct()).hasSize(1);
            for (int round = 0; round < 2; round++) {
                for (String text : texts) {
                    SqlAnalysis analysis = cache.analysisOf(text);
                    String table = text.substring("INSERT INTO ".length(), text.indexOf(' ', "INSERT INTO ".length()));
                    assertThat(analysis.summary).isEqualTo("INSERT " + table);
                    assertThat(analysis.sanitized).isEqualTo("INSERT INTO " + table + " (a) VALUES (?)");
                }
            }
        }

        @Test
        void shareTheAnalysisWhenTheyDifferOnlyInValues() {
            List<String> texts = colliding("SELECT * FROM t WHERE a = '%s'", 2);
            assertThat(cache.analysisOf(texts.get(1))).isSameAs(cache.analysisOf(texts.get(0)));
        }

        @Test
        void costABoundedNumberOfComparisonsWhenBuiltToCollide() {
            List<String> texts = colliding("SELECT * FROM t%s", 64);
            for (String text : texts) {
                assertThat(cache.analysisOf(text).summary).isEqualTo("SELECT " + text.substring("SELECT * FROM ".length()));
            }
            assertThat(texts.stream().filter(text -> cache.find(text) != null)).hasSize(SqlCache.MAX_SAME_HASH);
        }
    }

    @Nested
    @DisplayName("bounds")
    class Bounds {

        @Test
        void keepsAtMostMaxEntries() {
            List<String> texts = IntStream.range(0, SqlCache.MAX_ENTRIES + 500).mapToObj(n -> "SELECT * FROM tab_" + letters(n)).toList();
            for (String text : texts) {
                assertThat(cache.analysisOf(text).summary).isEqualTo("SELECT " + text.substring("SELECT * FROM ".length()));
            }
            assertThat(texts.stream().distinct()).hasSize(texts.size());
            assertThat(texts.stream().filter(text -> cache.find(text) != null)).hasSize(SqlCache.MAX_ENTRIES);
        }

        @Test
        void keepsNoTextLongerThanTheLimitAndAtMostMaxCharsInAll() {
            String longName = "c".repeat(SqlCache.MAX_TEXT_CHARS);
            assertThat(cache.analysisOf("SELECT " + longName + " FROM t").cached).isFalse();
            List<String> texts = new ArrayList<>();
            for (int n = 0; n < 200; n++) {
                texts.add("SELECT " + "c".repeat(10_000) + " FROM t" + "x".repeat(n));
            }
            texts.forEach(cache::analysisOf);
            long kept = texts.stream().filter(text -> cache.find(text) != null).count();
            assertThat(kept).isBetween(SqlCache.MAX_CHARS / 10_300L, SqlCache.MAX_CHARS / 10_000L);
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("SELECT", " ", "a", "b", "'x'", "'y'", "1", "22", "\"n\"", "FROM", "t", "--c\n", "/*c*/", ",", "(", ")",
                "IN", "$$d$$", "\\", "'", "-").list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    @Property(tries = 1_000)
    void anAnalysisIsFoundOnlyForTextsThatSanitizeToIt(@ForAll("texts") String a, @ForAll("texts") String b) {
        SqlAnalysis analysis = new SqlCache().analysisOf(a);
        assertThat(analysis.isOf(b)).isEqualTo(SqlSanitizer.sanitize(a).equals(SqlSanitizer.sanitize(b)));
        assertThat(analysis.isOf(a)).isTrue();
    }
}
