package io.measured.internal.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BufferCoreTest {

    @Nested
    @DisplayName("the slow threshold in nanoseconds answers as the threshold in milliseconds")
    class SlowThresholdInNanos {

        @ParameterizedTest
        @ValueSource(doubles = {0.0, 5e-7, 1e-6, 0.001, 0.3, 1.0, 250.0, 1e9, 9.2e12, 9.223372036854775E12})
        void atTheEdge(double thresholdMs) {
            assertEdge(thresholdMs);
        }

        @Test
        void atRandomThresholds() {
            Random random = new Random(42);
            for (int i = 0; i < 100_000; i++) {
                assertEdge(Math.scalb(random.nextDouble(), random.nextInt(60) - 20));
            }
        }

        @Test
        void noDurationReachesAnInfiniteThreshold() {
            assertThat(BufferCore.longestNanosBelow(Double.POSITIVE_INFINITY)).isEqualTo(Long.MAX_VALUE);
        }

        @Test
        void everyDurationReachesZero() {
            assertThat(BufferCore.longestNanosBelow(0.0)).isEqualTo(-1);
        }

        private void assertEdge(double thresholdMs) {
            long longest = BufferCore.longestNanosBelow(thresholdMs);
            if (longest >= 0) {
                assertThat(longest / 1_000_000.0).as("%s ns against %s ms", longest, thresholdMs)
                        .isLessThan(thresholdMs);
            }
            if (longest < Long.MAX_VALUE) {
                assertThat((longest + 1) / 1_000_000.0).as("%s ns against %s ms", longest + 1, thresholdMs)
                        .isGreaterThanOrEqualTo(thresholdMs);
            }
        }
    }
}
