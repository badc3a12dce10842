package io.measured;

import static io.measured.OperationType.DATABASE;
import static io.measured.OperationType.HTTP;
import static io.measured.OperationType.RENDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricsBufferTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00.123Z");

    private final MutableClock clock = new MutableClock(T0);

    private MetricsBuffer buffer(int size) {
        return MetricsBuffer.builder().maxSize(size).clock(clock).build();
    }

    @Nested
    @DisplayName("construction")
    class Construction {

        @Test
        void defaultsToEveryTypeAtFullRate() {
            MetricsBuffer buffer = new MetricsBuffer(10);
            assertThat(buffer.getMaxSize()).isEqualTo(10);
            for (OperationType type : OperationType.values()) {
                assertThat(buffer.getSamplingRate(type)).isEqualTo(1.0);
            }
        }

        @Test
        void oneRateAppliesToEveryType() {
            MetricsBuffer buffer = new MetricsBuffer(10, 0.25);
            for (OperationType type : OperationType.values()) {
                assertThat(buffer.getSamplingRate(type)).isEqualTo(0.25);
            }
        }

        @Test
        void typesMissingFromTheMapGetFullRate() {
            MetricsBuffer buffer = new MetricsBuffer(10, Map.of(DATABASE, 0.5));
            assertThat(buffer.getSamplingRate(DATABASE)).isEqualTo(0.5);
            assertThat(buffer.getSamplingRate(HTTP)).isEqualTo(1.0);
            assertThat(buffer.getSamplingRate(RENDER)).isEqualTo(1.0);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, Integer.MIN_VALUE, MetricsBuffer.LARGEST_MAX_SIZE + 1, Integer.MAX_VALUE})
        void rejectsSizeOutsideItsRangeNamingIt(int size) {
            assertThatThrownBy(() -> new MetricsBuffer(size))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxSize must be within 1 .. 10000000, was " + size);
        }

        @Test
        void acceptsTheLargestSizeUntilBuilt() {
            // Building would take about 18 GB; the builder alone shows the bound is inclusive.
            assertThatCode(() -> MetricsBuffer.builder().maxSize(MetricsBuffer.LARGEST_MAX_SIZE))
                    .doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
        void rejectsRateOutsideZeroToOne(double rate) {
            assertThatThrownBy(() -> new MetricsBuffer(10, rate))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("samplingRate").hasMessageContaining(String.valueOf(rate));
            assertThatThrownBy(() -> new MetricsBuffer(10, Map.of(RENDER, rate)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("render").hasMessageContaining(String.valueOf(rate));
        }

        @Test
        void rejectsNullRateMapAndNullValues() {
            assertThatThrownBy(() -> new MetricsBuffer(10, (Map<OperationType, Double>) null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("samplingRates");
            Map<OperationType, Double> withNull = new HashMap<>();
            withNull.put(HTTP, null);
            assertThatThrownBy(() -> new MetricsBuffer(10, withNull))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
        }
    }

    @Nested
    @DisplayName("recording")
    class Recording {

        @Test
        void storesEveryComponent() {
            MetricsBuffer buffer = buffer(10);
            assertThat(buffer.record(DATABASE, "NoteRepository.findAll", 2.5, Map.of("sql", "select 1"))).isTrue();

            Metric metric = buffer.getAll().get(0);
            assertThat(metric.operationType()).isEqualTo(DATABASE);
            assertThat(metric.operationName()).isEqualTo("NoteRepository.findAll");
            assertThat(metric.timestamp()).isEqualTo(T0);
            assertThat(metric.durationMs()).isEqualTo(2.5);
            assertThat(metric.processId()).isEqualTo(ProcessHandle.current().pid());
            assertThat(metric.metadata()).containsExactly(Map.entry("sql", "select 1"));
        }

        @Test
        void metadataIsAnUnmodifiableCopyAndNeverNull() {
            MetricsBuffer buffer = buffer(10);
            Map<String, String> metadata = new HashMap<>(Map.of("k", "v"));
            buffer.record(DATABASE, "a", 1, metadata);
            buffer.record(DATABASE, "b", 1, null);
            buffer.record(DATABASE, "c", 1);
            metadata.put("k", "changed");

            List<Metric> all = buffer.getAll();
            assertThat(all.get(0).metadata()).containsExactly(Map.entry("k", "v"));
            assertThat(all.get(1).metadata()).isEmpty();
            assertThat(all.get(2).metadata()).isEmpty();
            assertThatThrownBy(() -> all.get(0).metadata().put("x", "y"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void nullMetadataEntriesAreMadeSafe() {
            MetricsBuffer buffer = buffer(10);
            Map<String, String> metadata = new HashMap<>();
            metadata.put(null, "dropped");
            metadata.put("kept", null);
            buffer.record(DATABASE, "a", 1, metadata);
            assertThat(buffer.getAll().get(0).metadata()).containsExactly(Map.entry("kept", "null"));
        }

        @Test
        void longTextIsCutToTheMetadataLimit() {
            MetricsBuffer buffer = MetricsBuffer.builder().metadataMaxLength(16).build();
            String huge = "x".repeat(5_000_000);
            buffer.record(DATABASE, huge, 1, Map.of("sql", huge, huge, "v"));

            Metric metric = buffer.getAll().get(0);
            assertThat(metric.operationName()).hasSize(16);
            assertThat(metric.metadata()).containsEntry("sql", "x".repeat(16)).containsEntry("x".repeat(16), "v");
            assertThat(buffer.getOperationStats()).extracting(OperationStats::operationName)
                    .containsExactly("x".repeat(16));
        }

        @Test
        void rejectsBadArgumentsNamingThem() {
            MetricsBuffer buffer = buffer(10);
            assertThatThrownBy(() -> buffer.record(null, "a", 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
            assertThatThrownBy(() -> buffer.record(DATABASE, null, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
            for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
                assertThatThrownBy(() -> buffer.record(DATABASE, "a", bad))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("durationMs").hasMessageContaining(String.valueOf(bad));
            }
            assertThat(buffer.getAll()).isEmpty();
            assertThat(buffer.getOperationStats()).isEmpty();
        }

        @Test
        void zeroDurationIsValid() {
            MetricsBuffer buffer = buffer(10);
            assertThat(buffer.record(RENDER, "a", 0.0)).isTrue();
        }

        @Test
        void evictsTheOldestWhenFull() {
            MetricsBuffer buffer = buffer(3);
            for (int i = 1; i <= 5; i++) {
                buffer.record(DATABASE, "op" + i, i);
            }
            assertThat(buffer.getAll()).extracting(Metric::operationName).containsExactly("op3", "op4", "op5");
            assertThat(buffer.getStats().totalCount()).isEqualTo(3);
        }
    }

    @Nested
    @DisplayName("sampling")
    class Sampling {

        @Test
        void rateZeroSkipsButStillCounts() {
            MetricsBuffer buffer = new MetricsBuffer(10, 0.0);
            assertThat(buffer.record(DATABASE, "a", 1)).isFalse();
            assertThat(buffer.getAll()).isEmpty();
            assertThat(buffer.getOperationStats()).singleElement()
                    .satisfies(stats -> assertThat(stats.count()).isEqualTo(1));
        }

        @Test
        void forceBypassesSampling() {
            MetricsBuffer buffer = new MetricsBuffer(10, 0.0);
            assertThat(buffer.record(DATABASE, "a", 1, Map.of(), true)).isTrue();
            assertThat(buffer.getAll()).hasSize(1);
        }

        @Test
        void slowCallsAreKeptRegardlessOfSamplingWhenAThresholdIsBuiltIn() {
            MetricsBuffer buffer = MetricsBuffer.builder().samplingRate(0.0).slowThresholdMs(100).build();
            assertThat(buffer.record(DATABASE, "fast", 99.9)).isFalse();
            assertThat(buffer.record(DATABASE, "slow", 100)).isTrue();
            assertThat(buffer.getAll()).extracting(Metric::operationName).containsExactly("slow");
        }

        @Test
        void ratesArePerType() {
            MetricsBuffer buffer = new MetricsBuffer(10, Map.of(DATABASE, 0.0));
            assertThat(buffer.record(DATABASE, "a", 1)).isFalse();
            assertThat(buffer.record(HTTP, "b", 1)).isTrue();
        }

        @Test
        void aFractionalRateKeepsAboutThatFraction() {
            MetricsBuffer buffer = new MetricsBuffer(100_000, 0.3);
            int kept = 0;
            for (int i = 0; i < 40_000; i++) {
                kept += buffer.record(RENDER, "r", 1) ? 1 : 0;
            }
            // 40,000 draws at p = 0.3: the standard deviation is about 92, so +/- 1,000 is over ten sigma.
            assertThat(kept).isBetween(11_000, 13_000);
            assertThat(buffer.getAll()).hasSize(kept);
            assertThat(buffer.getOperationStats().get(0).count()).isEqualTo(40_000);
        }

        @Test
        void rateChangesAtRuntimeWithValidation() {
            MetricsBuffer buffer = new MetricsBuffer(10);
            buffer.setSamplingRate(HTTP, 0.0);
            assertThat(buffer.getSamplingRate(HTTP)).isEqualTo(0.0);
            assertThat(buffer.record(HTTP, "a", 1)).isFalse();
            assertThatThrownBy(() -> buffer.setSamplingRate(HTTP, 1.5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
            assertThatThrownBy(() -> buffer.setSamplingRate(HTTP, Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
            assertThatThrownBy(() -> buffer.setSamplingRate(null, 0.5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
            assertThatThrownBy(() -> buffer.getSamplingRate(null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
            assertThat(buffer.getSamplingRate(HTTP)).isEqualTo(0.0);
        }
    }

    @Nested
    @DisplayName("queries")
    class Queries {

        private final MetricsBuffer buffer = buffer(10);

        private void recordThree() {
            buffer.record(DATABASE, "d1", 5);
            clock.advance(Duration.ofMillis(1));
            buffer.record(HTTP, "h1", 1500);
            clock.advance(Duration.ofMillis(1));
            buffer.record(DATABASE, "d2", 2000);
        }

        @Test
        void getAllIsOldestFirst() {
            recordThree();
            assertThat(buffer.getAll()).extracting(Metric::operationName).containsExactly("d1", "h1", "d2");
            assertThat(buffer.getAll()).extracting(Metric::timestamp)
                    .containsExactly(T0, T0.plusMillis(1), T0.plusMillis(2));
        }

        @Test
        void getRecentIsNewestFirstAndBounded() {
            recordThree();
            assertThat(buffer.getRecent(2)).extracting(Metric::operationName).containsExactly("d2", "h1");
            assertThat(buffer.getRecent(50)).extracting(Metric::operationName).containsExactly("d2", "h1", "d1");
            assertThat(buffer.getRecent(0)).isEmpty();
            assertThatThrownBy(() -> buffer.getRecent(-1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count").hasMessageContaining("-1");
        }

        @Test
        void getByTypeFilters() {
            recordThree();
            assertThat(buffer.getByType(DATABASE)).extracting(Metric::operationName).containsExactly("d1", "d2");
            assertThat(buffer.getByType(RENDER)).isEmpty();
            assertThatThrownBy(() -> buffer.getByType(null)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void getSlowOperationsIsInclusiveAndOptionallyTyped() {
            recordThree();
            assertThat(buffer.getSlowOperations(1500, null)).extracting(Metric::operationName).containsExactly("h1", "d2");
            assertThat(buffer.getSlowOperations(1500, DATABASE)).extracting(Metric::operationName).containsExactly("d2");
            assertThat(buffer.getSlowOperations(0, null)).hasSize(3);
            assertThatThrownBy(() -> buffer.getSlowOperations(-1, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thresholdMs");
            assertThatThrownBy(() -> buffer.getSlowOperations(Double.NaN, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        }

        @Test
        void queriesReturnSnapshotsThatLaterRecordsDoNotChange() {
            recordThree();
            List<Metric> before = buffer.getAll();
            buffer.record(RENDER, "r", 1);
            assertThat(before).hasSize(3);
            assertThatThrownBy(() -> before.add(before.get(0))).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void clearEmptiesTheBufferButKeepsCumulativeStatistics() {
            recordThree();
            buffer.clear();
            assertThat(buffer.getAll()).isEmpty();
            assertThat(buffer.getStats().totalCount()).isZero();
            assertThat(buffer.getOperationStats()).hasSize(3);
            buffer.record(RENDER, "after", 1);
            assertThat(buffer.getAll()).extracting(Metric::operationName).containsExactly("after");
        }
    }

    @Nested
    @DisplayName("statistics over the buffer")
    class Stats {

        @Test
        void matchTheDesignExample() {
            MetricsBuffer buffer = buffer(1000);
            buffer.record(DATABASE, "a", 2.0);
            buffer.record(DATABASE, "b", 5.0);

            MetricsStats stats = buffer.getStats();
            assertThat(stats.totalCount()).isEqualTo(2);
            assertThat(stats.maxSize()).isEqualTo(1000);
            assertThat(stats.processId()).isEqualTo(ProcessHandle.current().pid());
            assertThat(stats.samplingRates()).containsOnlyKeys(OperationType.values()).containsValues(1.0);
            assertThat(stats.byType()).containsOnlyKeys(OperationType.values());
            assertThat(stats.byType().get(DATABASE)).isEqualTo(new TypeStats(2, 3.5, 2.0, 5.0, 2.0, 5.0, 5.0));
            assertThat(stats.byType().get(HTTP)).isEqualTo(TypeStats.EMPTY);
            assertThat(stats.byType().get(RENDER)).isEqualTo(new TypeStats(0, 0, 0, 0, 0, 0, 0));
        }

        @Test
        void percentilesUseNearestRank() {
            MetricsBuffer buffer = buffer(1000);
            for (int i = 100; i >= 1; i--) {
                buffer.record(RENDER, "r", i);
            }
            TypeStats render = buffer.getStats().byType().get(RENDER);
            assertThat(render.count()).isEqualTo(100);
            assertThat(render.avgDurationMs()).isCloseTo(50.5, within(1e-9));
            assertThat(render.minDurationMs()).isEqualTo(1);
            assertThat(render.maxDurationMs()).isEqualTo(100);
            assertThat(render.p50DurationMs()).isEqualTo(50);
            assertThat(render.p95DurationMs()).isEqualTo(95);
            assertThat(render.p99DurationMs()).isEqualTo(99);
        }

        @Test
        @DisplayName("durations near Double.MAX_VALUE give a finite mean, and the mean recovers once they leave")
        void hugeDurationsNeverPoisonTheMean() {
            MetricsBuffer buffer = buffer(4);
            buffer.record(RENDER, "r", Double.MAX_VALUE);
            buffer.record(RENDER, "r", Double.MAX_VALUE);
            assertThat(buffer.getStats().byType().get(RENDER).avgDurationMs()).isEqualTo(Double.MAX_VALUE);
            for (int i = 1; i <= 4; i++) {
                buffer.record(RENDER, "r", i);
            }
            TypeStats render = buffer.getStats().byType().get(RENDER);
            assertThat(render.avgDurationMs()).isEqualTo(2.5);
            assertThat(render.maxDurationMs()).isEqualTo(4.0);
        }

        @Test
        void reflectSamplingRateChanges() {
            MetricsBuffer buffer = buffer(10);
            buffer.setSamplingRate(RENDER, 0.5);
            assertThat(buffer.getStats().samplingRates()).containsEntry(RENDER, 0.5).containsEntry(HTTP, 1.0);
        }
    }

    @Nested
    @DisplayName("cumulative statistics")
    class Cumulative {

        @Test
        void countEveryCallWithErrorsSumAndMax() {
            MetricsBuffer buffer = new MetricsBuffer(2, 0.0);
            buffer.record(DATABASE, "q", 1.0, Map.of("outcome", "success"));
            buffer.record(DATABASE, "q", 3.0, Map.of("outcome", "error", "exception", "java.sql.SQLException"));
            buffer.record(DATABASE, "q", 2.0);
            buffer.record(HTTP, "GET /x", 4.0, Map.of("method", "GET", "status", "503"));
            buffer.record(HTTP, "GET /x", 4.0, Map.of("method", "GET", "status", "404"));

            List<OperationStats> stats = buffer.getOperationStats();
            assertThat(stats).extracting(OperationStats::operationType, OperationStats::operationName,
                    OperationStats::count, OperationStats::errorCount)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(DATABASE, "q", 3L, 1L),
                            org.assertj.core.groups.Tuple.tuple(HTTP, "GET /x", 2L, 1L));
            OperationStats q = stats.get(0);
            assertThat(q.sumDurationMs()).isCloseTo(6.0, within(1e-6));
            assertThat(q.avgDurationMs()).isCloseTo(2.0, within(1e-6));
            assertThat(q.maxDurationMs()).isCloseTo(3.0, within(1e-6));
            assertThat(q.p50DurationMs()).isBetween(2.0, 2.0 * 1.125);
            assertThat(q.p99DurationMs()).isEqualTo(q.maxDurationMs());
        }

        @Test
        void capDistinctOperationsAndSpillIntoOther() {
            MetricsBuffer buffer = MetricsBuffer.builder().maxOperations(3).build();
            for (int i = 0; i < 1000; i++) {
                buffer.record(HTTP, "GET /notes/" + i, 1);
            }
            List<OperationStats> stats = buffer.getOperationStats();
            assertThat(stats).hasSize(4);
            assertThat(stats).extracting(OperationStats::operationName)
                    .containsExactly("GET /notes/0", "GET /notes/1", "GET /notes/2", MetricsBuffer.OVERFLOW_OPERATION);
            assertThat(stats).extracting(OperationStats::count).containsExactly(1L, 1L, 1L, 997L);
        }

        @Test
        void rejectInvalidCap() {
            assertThatThrownBy(() -> MetricsBuffer.builder().maxOperations(0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxOperations").hasMessageContaining("0");
            assertThatThrownBy(() -> MetricsBuffer.builder().metadataMaxLength(15))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadataMaxLength").hasMessageContaining("15");
        }
    }
}
