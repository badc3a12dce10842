package io.measured.internal.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetadataLimiterTest {

    @Test
    void leavesShortTextAlone() {
        assertThat(new MetadataLimiter(16).limit("exactly sixteen!")).isEqualTo("exactly sixteen!");
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "a".repeat(15) + "\uD83D\uDE00" + "tail";
        assertThat(new MetadataLimiter(16).limit(text)).isEqualTo("a".repeat(15));
    }

    @Test
    void rejectsLimitsOutOfRange() {
        assertThatThrownBy(() -> new MetadataLimiter(15)).hasMessageContaining("15");
        assertThatThrownBy(() -> new MetadataLimiter(65_537)).hasMessageContaining("65537");
    }
}
