package io.measured.internal.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void selectsWhatASortWouldPutAtEachIndex() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 500; round++) {
            int length = 1 + random.nextInt(400);
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                // Few distinct values in some rounds, to exercise duplicates.
                values[i] = round % 3 == 0 ? random.nextInt(5) : random.nextDouble() * 1000;
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int k = random.nextInt(length);
            assertThat(Selection.select(values.clone(), 0, length, k)).isEqualTo(sorted[k]);
        }
    }

    @Test
    void nearestRankPercentilesMatchASortedReference() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            int length = 1 + random.nextInt(2000);
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                values[i] = random.nextDouble() * 100;
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            var stats = BufferStatistics.of(values, length);
            assertThat(stats.p50DurationMs()).isEqualTo(sorted[(int) Math.ceil(0.50 * length) - 1]);
            assertThat(stats.p95DurationMs()).isEqualTo(sorted[(int) Math.ceil(0.95 * length) - 1]);
            assertThat(stats.p99DurationMs()).isEqualTo(sorted[(int) Math.ceil(0.99 * length) - 1]);
            assertThat(stats.minDurationMs()).isEqualTo(sorted[0]);
            assertThat(stats.maxDurationMs()).isEqualTo(sorted[length - 1]);
        }
    }

    @Test
    void adversarialInputStillFinishes() {
        double[] values = new double[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2 == 0 ? i : values.length - i;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        assertThat(Selection.select(values, 0, values.length, 95_000)).isEqualTo(sorted[95_000]);
    }
}
