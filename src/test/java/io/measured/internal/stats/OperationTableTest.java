package io.measured.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OperationTableTest {

    private static final int TYPES = 4;

    private final OperationRegistry registry = new OperationRegistry(TYPES, 10, "other",
            new BucketBounds(List.of(0.001, 0.01)));

    @Test
    @DisplayName("one row per called operation, ordered by type then name, equal to each counter's own snapshot")
    void rowsMatchSnapshotsInOrder() {
        registry.counterFor(2, "b").record(500_000, false);
        registry.counterFor(2, "b").record(5_000_000, true);
        registry.counterFor(2, "a").record(20_000_000, false);
        registry.counterFor(0, "z").record(1_000_000, false);
        registry.counterFor(1, "never called");

        OperationTable table = registry.table(OperationTable.ALL_TYPES);

        assertThat(table.size()).isEqualTo(3);
        assertThat(List.of(table.name(0), table.name(1), table.name(2))).containsExactly("z", "a", "b");
        assertThat(List.of(table.type(0), table.type(1), table.type(2))).containsExactly(0, 2, 2);
        OperationSnapshot b = registry.counterFor(2, "b").snapshot();
        assertThat(table.calls(2)).isEqualTo(b.calls()).isEqualTo(2);
        assertThat(table.errors(2)).isEqualTo(b.errors()).isEqualTo(1);
        assertThat(table.sumNanos(2)).isEqualTo(5_500_000);
        assertThat(table.maxNanos(2)).isEqualTo(5_000_000);
        assertThat(table.percentileNanos(2, 95) / 1e6).isEqualTo(b.p95Ms());
        assertThat(table.percentileNanos(2, 50) / 1e6).isEqualTo(b.p50Ms());
        for (int bucket = 0; bucket < 3; bucket++) {
            assertThat(table.cumulativeCount(2, bucket)).isEqualTo(b.cumulativeCounts()[bucket]);
        }
        assertThat(List.of(table.cumulativeCount(2, 0), table.cumulativeCount(2, 1), table.cumulativeCount(2, 2)))
                .containsExactly(1L, 2L, 2L);
        assertThat(table.firstOfType(0)).isZero();
        assertThat(table.firstOfType(1)).isEqualTo(1);
        assertThat(table.firstOfType(2)).isEqualTo(1);
        assertThat(table.firstOfType(3)).isEqualTo(3);
    }

    @Test
    void oneTypeAloneAndTheOverflowAmongItsNames() {
        for (int i = 0; i < 12; i++) {
            registry.counterFor(3, "op" + i).record(1_000, false);
        }
        registry.counterFor(1, "elsewhere").record(1_000, false);

        OperationTable service = registry.table(3);

        assertThat(service.size()).as("op0 .. op9 reach the cap of 10; op10, op11 count under 'other'").isEqualTo(11);
        for (int row = 0; row < service.size(); row++) {
            assertThat(service.type(row)).isEqualTo(3);
            if (row > 0) {
                assertThat(service.name(row)).isGreaterThan(service.name(row - 1));
            }
        }
        assertThat(service.calls(service.size() - 1)).as("'other' sorts last here and holds the calls beyond the cap")
                .isEqualTo(2);
    }
}
