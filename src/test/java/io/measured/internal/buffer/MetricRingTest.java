package io.measured.internal.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.measured.Metric;
import io.measured.OperationType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricRingTest {

    private static Metric metric(int n) {
        return new Metric(OperationType.DATABASE, "op" + n, Instant.EPOCH, n, 1, Map.of());
    }

    @Test
    void keepsTheLastCapacityInOrderAgainstAReferenceModel() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int capacity = 1 + random.nextInt(20);
            MetricRing ring = new MetricRing(capacity);
            List<Metric> model = new ArrayList<>();
            int operations = random.nextInt(100);
            for (int i = 0; i < operations; i++) {
                if (random.nextInt(10) == 0) {
                    ring.clear();
                    model.clear();
                } else {
                    Metric metric = metric(i);
                    ring.add(metric);
                    model.add(metric);
                    if (model.size() > capacity) {
                        model.remove(0);
                    }
                }
                assertThat(ring.snapshot()).containsExactlyElementsOf(model);
            }
        }
    }

    @Test
    void rejectsCapacityBelowOne() {
        assertThatThrownBy(() -> new MetricRing(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity").hasMessageContaining("0");
    }
}
