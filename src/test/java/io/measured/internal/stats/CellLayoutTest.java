package io.measured.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CellLayoutTest {

    /** Both histograms the cells stand for must see every duration exactly where they would alone. */
    private static void assertAgreesWithBothHistograms(BucketBounds bounds, long nanos, CellLayout layout) {
        int cell = layout.cellOf(nanos);
        assertThat(layout.boundOf(cell)).as("configured bucket of %d ns", nanos).isEqualTo(bounds.bucketOf(nanos));
        assertThat(layout.fineOf(cell)).as("fine bucket of %d ns", nanos).isEqualTo(LatencyHistogram.indexOf(nanos / 1_000));
    }

    @Test
    void defaultBoundsAtEveryBoundAndItsNeighbours() {
        BucketBounds bounds = new BucketBounds(BucketBounds.DEFAULT_SECONDS);
        CellLayout layout = new CellLayout(bounds);
        for (int b = 0; b < bounds.size(); b++) {
            for (long delta = -2; delta <= 2; delta++) {
                assertAgreesWithBothHistograms(bounds, bounds.nanos(b) + delta, layout);
            }
        }
        assertAgreesWithBothHistograms(bounds, 0, layout);
        assertAgreesWithBothHistograms(bounds, Long.MAX_VALUE, layout);
        assertThat(layout.cells()).isEqualTo(LatencyHistogram.BUCKETS + bounds.size());
    }

    @Test
    void randomBoundsAndDurationsAgreeAndCellsIncreaseWithTheDuration() {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 200; round++) {
            List<Double> seconds = new ArrayList<>();
            double bound = 1e-9 * (1 + random.nextInt(1000));
            for (int i = 0, n = 1 + random.nextInt(BucketBounds.MAX_BUCKETS); i < n; i++) {
                seconds.add(bound);
                // Dense bounds put several cuts in one fine bucket; sparse ones skip many.
                bound *= random.nextBoolean() ? 1.0 + random.nextDouble() * 0.01 : 1.0 + random.nextDouble() * 20;
                if (bound > 1e9) {
                    break;
                }
            }
            BucketBounds bounds = new BucketBounds(seconds);
            CellLayout layout = new CellLayout(bounds);
            long previous = 0;
            int previousCell = layout.cellOf(0);
            for (int i = 0; i < 2_000; i++) {
                long nanos = previous + (long) Math.exp(random.nextDouble() * 12);
                assertAgreesWithBothHistograms(bounds, nanos, layout);
                assertThat(layout.cellOf(nanos)).isGreaterThanOrEqualTo(previousCell);
                previous = nanos;
                previousCell = layout.cellOf(nanos);
            }
        }
    }
}
