package io.measured.internal.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.MetricsBuffer;
import io.measured.OperationType;
import io.measured.TypeStats;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static void assertMatchesSortedReference(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = values.length;
        int[] ranks = {0, rank(50, n), rank(95, n), rank(99, n), n - 1};
        double[] expected = new double[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            expected[i] = sorted[ranks[i]];
        }
        assertThat(Percentiles.ranks(values.clone(), 0, n, sorted[0], sorted[n - 1], ranks)).containsExactly(expected);

        // The same values through a buffer, whose statistics are kept incrementally.
        MetricsBuffer buffer = new MetricsBuffer(n);
        for (double value : values) {
            buffer.record(OperationType.DATABASE, "q", value);
        }
        TypeStats stats = buffer.getStats().byType().get(OperationType.DATABASE);
        assertThat(new double[] {stats.minDurationMs(), stats.p50DurationMs(), stats.p95DurationMs(),
                stats.p99DurationMs(), stats.maxDurationMs()}).containsExactly(expected);
    }

    private static int rank(int percent, int n) {
        return (int) Math.ceil(percent / 100.0 * n) - 1;
    }

    @Test
    void randomValuesOfEverySizeMatchASortedReference() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 300; round++) {
            int length = 1 + random.nextInt(5000);
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                values[i] = switch (round % 4) {
                    case 0 -> random.nextDouble() * 100;
                    case 1 -> random.nextInt(4); // few distinct values, many duplicates
                    case 2 -> Math.exp(random.nextDouble() * 20); // spread over many magnitudes
                    default -> 1000 + random.nextDouble() * 1e-9; // a narrow cluster
                };
            }
            assertMatchesSortedReference(values);
        }
    }

    @Test
    void extremesAndEqualValues() {
        double[] outlier = new double[1000];
        Arrays.fill(outlier, 2.0);
        outlier[999] = Double.MAX_VALUE;
        assertMatchesSortedReference(outlier);
        double[] zeros = new double[600];
        assertMatchesSortedReference(zeros);
        double[] twoValues = new double[700];
        for (int i = 0; i < twoValues.length; i++) {
            twoValues[i] = i % 2 == 0 ? 0.0 : 1e300;
        }
        assertMatchesSortedReference(twoValues);
    }

    @Test
    void negativeZeroIsRecordedAsZero() {
        MetricsBuffer buffer = new MetricsBuffer(1000);
        for (int i = 0; i < 500; i++) {
            buffer.record(OperationType.RENDER, "r", i % 2 == 0 ? -0.0 : 3.0);
        }
        TypeStats render = buffer.getStats().byType().get(OperationType.RENDER);
        assertThat(render.minDurationMs()).isEqualTo(0.0);
        assertThat(render.p50DurationMs()).isEqualTo(0.0);
        assertThat(render.p95DurationMs()).isEqualTo(3.0);
    }
}
