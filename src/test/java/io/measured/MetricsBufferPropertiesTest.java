package io.measured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The buffer against a plain list model: same contents, same order, same statistics. */
class MetricsBufferPropertiesTest {

    /** One step: record (type, duration), or empty the buffer when {@code clear}, or read statistics when {@code read}. */
    record Step(boolean clear, boolean read, OperationType type, double durationMs) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> record = Combinators.combine(
                Arbitraries.of(OperationType.class),
                Arbitraries.doubles().between(0, 10_000).ofScale(3))
                .as((type, duration) -> new Step(false, false, type, duration));
        Arbitrary<Step> clear = Arbitraries.just(new Step(true, false, null, 0));
        Arbitrary<Step> read = Arbitraries.just(new Step(false, true, null, 0));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, record),
                net.jqwik.api.Tuple.of(1, clear),
                net.jqwik.api.Tuple.of(2, read)).list().ofMaxSize(400);
    }

    @Property(tries = 300)
    void holdsTheLastMaxSizeInOrder(@ForAll @IntRange(min = 1, max = 64) int maxSize, @ForAll("steps") List<Step> steps) {
        MetricsBuffer buffer = new MetricsBuffer(maxSize);
        List<Step> model = replay(steps, buffer, maxSize, current -> { });
        assertThat(buffer.getAll()).extracting(Metric::operationType, Metric::durationMs)
                .containsExactlyElementsOf(model.stream()
                        .map(s -> org.assertj.core.groups.Tuple.tuple(s.type(), s.durationMs())).toList());
        assertThat(buffer.size()).isEqualTo(model.size());
        assertThat(buffer.getRecent(maxSize)).hasSize(model.size());
    }

    @Property(tries = 300)
    void statisticsMatchTheSortedModel(@ForAll @IntRange(min = 1, max = 200) int maxSize, @ForAll("steps") List<Step> steps) {
        MetricsBuffer buffer = new MetricsBuffer(maxSize);
        // Statistics are kept incrementally between reads: every read must match the model.
        List<Step> model = replay(steps, buffer, maxSize, current -> assertMatches(buffer.getStats(), current));
        assertMatches(buffer.getStats(), model);
        long records = steps.stream().filter(s -> !s.clear() && !s.read()).count();
        long counted = buffer.getOperationStats().stream().mapToLong(OperationStats::count).sum();
        assertThat(counted).as("cumulative statistics count every record, cleared or not").isEqualTo(records);
    }

    /**
     * Applies the steps to the buffer and to a list model of its last {@code maxSize} records,
     * handing the model to {@code onRead} at each read step; returns the final model.
     */
    private static List<Step> replay(List<Step> steps, MetricsBuffer buffer, int maxSize, Consumer<List<Step>> onRead) {
        List<Step> model = new ArrayList<>();
        for (Step step : steps) {
            if (step.clear()) {
                buffer.clear();
                model.clear();
            } else if (step.read()) {
                onRead.accept(model);
            } else {
                buffer.record(step.type(), step.type().key(), step.durationMs());
                model.add(step);
                if (model.size() > maxSize) {
                    model.remove(0);
                }
            }
        }
        return model;
    }

    private static void assertMatches(MetricsStats stats, List<Step> model) {
        assertThat(stats.totalCount()).isEqualTo(model.size());
        for (OperationType type : OperationType.values()) {
            double[] sorted = model.stream().filter(s -> s.type() == type).mapToDouble(Step::durationMs).sorted().toArray();
            TypeStats actual = stats.byType().get(type);
            if (sorted.length == 0) {
                assertThat(actual).isEqualTo(TypeStats.EMPTY);
                continue;
            }
            assertThat(actual.count()).isEqualTo(sorted.length);
            assertThat(actual.minDurationMs()).isEqualTo(sorted[0]);
            assertThat(actual.maxDurationMs()).isEqualTo(sorted[sorted.length - 1]);
            assertThat(actual.avgDurationMs()).isCloseTo(Arrays.stream(sorted).average().orElseThrow(), within(1e-6));
            assertThat(actual.p50DurationMs()).isEqualTo(nearestRank(sorted, 50));
            assertThat(actual.p95DurationMs()).isEqualTo(nearestRank(sorted, 95));
            assertThat(actual.p99DurationMs()).isEqualTo(nearestRank(sorted, 99));
        }
    }

    private static double nearestRank(double[] sorted, int percent) {
        return sorted[(int) Math.ceil(percent / 100.0 * sorted.length) - 1];
    }
}
