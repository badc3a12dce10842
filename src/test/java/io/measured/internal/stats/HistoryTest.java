package io.measured.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.OperationType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Slots roll over on the injected clock: each closed slot holds the calls counted while it was open. */
class HistoryTest {

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L); // a slot boundary
    private final OperationRegistry operations = new OperationRegistry(OperationType.values().length, 10, "other", new BucketBounds(List.of(0.1)));
    private final History history = new History(operations, now::get);
    private final OperationCounter query = operations.counterFor(OperationType.DATABASE.ordinal(), "query");
    private final OperationCounter page = operations.counterFor(OperationType.RENDER.ordinal(), "page");

    private void at(long offsetMillis) {
        now.set(1_700_000_000_000L + offsetMillis);
        history.closeDue(System.nanoTime() + offsetMillis * 1_000_000L + 1);
    }

    @Test
    void eachSlotHoldsTheCallsMadeWhileItWasOpen() {
        at(0);
        query.record(2_000_000, false);
        query.record(4_000_000, true);
        at(5_000);
        page.record(1_000_000, false);
        at(10_000); // the first slot closes
        query.record(8_000_000, false);
        at(20_000); // the second closes

        List<History.Slot> slots = history.slots();
        assertThat(slots).hasSize(2);
        History.Slot first = slots.get(0);
        assertThat(first.startMillis()).isEqualTo(1_700_000_000_000L);
        assertThat(first.calls()[OperationType.DATABASE.ordinal()]).isEqualTo(2);
        assertThat(first.errors()[OperationType.DATABASE.ordinal()]).isEqualTo(1);
        assertThat(first.sumNanos()[OperationType.DATABASE.ordinal()]).isEqualTo(6_000_000);
        assertThat(first.calls()[OperationType.RENDER.ordinal()]).isEqualTo(1);
        assertThat(first.p95Nanos()[OperationType.DATABASE.ordinal()]).isBetween(4_000_000L, 4_500_000L);
        History.Slot second = slots.get(1);
        assertThat(second.startMillis()).isEqualTo(1_700_000_010_000L);
        assertThat(second.calls()[OperationType.DATABASE.ordinal()]).isEqualTo(1);
        assertThat(second.calls()[OperationType.RENDER.ordinal()]).isZero();
    }

    @Test
    void sinceStartCountsEveryCallWithItsPercentiles() {
        at(0);
        for (int i = 1; i <= 100; i++) {
            query.record(i * 1_000_000L, i % 10 == 0);
        }
        at(25_000);
        History.Slot total = history.sinceStart();
        int db = OperationType.DATABASE.ordinal();
        assertThat(total.calls()[db]).isEqualTo(100);
        assertThat(total.errors()[db]).isEqualTo(10);
        assertThat(total.p50Nanos()[db]).isBetween(50_000_000L, 57_000_000L);
        assertThat(total.p99Nanos()[db]).isBetween(99_000_000L, 112_000_000L);
        assertThat(total.calls()[OperationType.RENDER.ordinal()]).isZero();
        assertThat(history.secondsSinceStart()).isEqualTo(25.0);
    }

    @Test
    void onlyTheLastFifteenMinutesAreKept() {
        at(0);
        for (int slot = 1; slot <= 120; slot++) {
            query.record(1_000_000, false);
            at(slot * 10_000L);
        }
        List<History.Slot> slots = history.slots();
        assertThat(slots).hasSize(History.SLOTS);
        assertThat(slots.get(slots.size() - 1).startMillis()).isEqualTo(1_700_000_000_000L + 119 * 10_000L);
        assertThat(slots.get(0).startMillis()).isEqualTo(1_700_000_000_000L + 30 * 10_000L);
        assertThat(slots).allSatisfy(slot -> assertThat(slot.calls()[OperationType.DATABASE.ordinal()]).isEqualTo(1));
    }

    @Test
    void anIdleGapLeavesNoSlotsAndLosesNoCall() {
        at(0);
        query.record(1_000_000, false);
        at(10_000);
        at(300_000); // five idle minutes: nothing recorded, nothing ticked in between
        query.record(1_000_000, false);
        at(310_000);
        List<History.Slot> slots = history.slots();
        assertThat(slots).extracting(History.Slot::startMillis)
                .containsExactly(1_700_000_000_000L, 1_700_000_010_000L, 1_700_000_300_000L);
        assertThat(slots).extracting(slot -> slot.calls()[OperationType.DATABASE.ordinal()]).containsExactly(1L, 0L, 1L);
    }
}
