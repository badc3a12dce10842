package io.measured.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void bucketBoundsGrowAndBoundEveryValueWithinOneEighth() {
        long previous = 0;
        for (int index = 0; index < LatencyHistogram.BUCKETS; index++) {
            long upper = LatencyHistogram.upperBoundMicros(index);
            assertThat(upper).isGreaterThan(previous);
            previous = upper;
        }
        for (long micros = 1; micros < 1L << 36; micros = micros * 3 / 2 + 1) {
            int index = LatencyHistogram.indexOf(micros);
            long upper = LatencyHistogram.upperBoundMicros(index);
            long lower = index == 0 ? 0 : LatencyHistogram.upperBoundMicros(index - 1);
            assertThat(micros).isGreaterThanOrEqualTo(lower).isLessThan(upper);
            assertThat((double) (upper - lower)).isLessThanOrEqualTo(Math.max(1, lower / 8.0));
        }
    }

    @Test
    void percentileIsTheUpperBoundOfItsBucket() {
        long[] counts = new long[LatencyHistogram.BUCKETS];
        assertThat(LatencyHistogram.percentilesNanos(counts, 0, 50, 95)).containsExactly(0, 0);
        for (int i = 1; i <= 100; i++) {
            counts[LatencyHistogram.indexOf(i * 1_000L)]++;
        }
        long[] p = LatencyHistogram.percentilesNanos(counts, 100, 1, 95, 100);
        assertThat(p[0]).isGreaterThan(1_000_000L).isLessThanOrEqualTo(2_000_000L);
        assertThat(p[1]).isGreaterThan(95_000_000L).isLessThanOrEqualTo((long) (95_000_000L * 1.125));
        assertThat(p[2]).isGreaterThan(100_000_000L);
    }

    @Test
    void hugeDurationsLandInTheLastBucket() {
        assertThat(LatencyHistogram.indexOf(Long.MAX_VALUE / 1_000)).isEqualTo(LatencyHistogram.BUCKETS - 1);
    }
}
