package io.measured;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OperationRecorderTest {

    private final MetricsBuffer buffer = MetricsBuffer.builder().maxSize(100).metadataMaxLength(16).build();
    private final OperationRecorder recorder = buffer.recorder(OperationType.DATABASE, "SELECT notes");

    private Metric only() {
        assertThat(buffer.getAll()).hasSize(1);
        return buffer.getAll().get(0);
    }

    @Test
    void aSuccessCarriesOutcomeSuccess() {
        recorder.record(1_000, 3_000_000);
        assertThat(only().metadata()).containsExactly(Map.entry("outcome", "success"));
    }

    @Test
    @DisplayName("withMetadata: every record(start, end) carries the bound metadata, cut once to the limits")
    void boundMetadata() {
        Map<String, String> facts = new HashMap<>(Map.of("sql", "SELECT * FROM notes WHERE id = ?", "outcome", "success"));
        OperationRecorder bound = recorder.withMetadata(facts);
        facts.put("sql", "changed afterwards");
        bound.record(0, 1_000_000);
        bound.record(0, 2_000_000);

        assertThat(buffer.getAll()).extracting(Metric::metadata)
                .containsOnly(Map.of("sql", "SELECT * FROM no", "outcome", "success"));
        assertThat(bound.name()).isEqualTo(recorder.name());
        assertThat(buffer.getOperationStats()).singleElement()
                .satisfies(stats -> assertThat(stats.count()).isEqualTo(2))
                .satisfies(stats -> assertThat(stats.errorCount()).isZero());
    }

    @Test
    void boundMetadataWithOutcomeErrorCountsAsErrors() {
        recorder.withMetadata(Map.of("outcome", "error")).record(0, 1_000_000);
        assertThat(buffer.getOperationStats()).singleElement()
                .satisfies(stats -> assertThat(stats.errorCount()).isOne());
    }

    @Test
    void theOtherRecordMethodsKeepTheirOwnMetadata() {
        OperationRecorder bound = recorder.withMetadata(Map.of("sql", "SELECT 1"));
        bound.record(0, 1_000_000, new IllegalStateException("no"));
        bound.record(0, 1_000_000, Map.of("rows", "3"));
        assertThat(buffer.getAll()).extracting(Metric::metadata).containsExactly(
                Map.of("outcome", "error", "exception", "java.lang.Illega"), Map.of("rows", "3"));
    }

    @Test
    void nullBindsNoMetadata() {
        recorder.withMetadata(null).record(0, 1_000_000);
        assertThat(only().metadata()).isEmpty();
    }
}
