package io.measured;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.internal.buffer.CoreAccess;
import io.measured.internal.stats.History;
import io.measured.internal.stats.SlotCloser;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.proxy.WeldClientProxy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What an application's end stops: nothing of the library may outlive it on a server that goes on. */
class ApplicationEndTest {

    @Test
    @DisplayName("the buffer's history is closed in the background while the application runs, and no longer once it ends")
    void theHistoryThreadLetsGoOfAnEndedApplication() {
        History history;
        try (WeldContainer container = MeasuredContainers.start(Map.of(), NoteRepository.class)) {
            container.select(NoteRepository.class).get().findAll();
            MetricsBuffer proxy = container.select(MetricsBuffer.class).get();
            MetricsBuffer buffer = (MetricsBuffer) ((WeldClientProxy) proxy).getMetadata().getContextualInstance();
            history = CoreAccess.of(buffer).history();
            assertThat(SlotCloser.closes(history)).as("closed in the background while running").isTrue();
        }
        assertThat(SlotCloser.closes(history)).as("closed in the background after the application ended").isFalse();
    }
}
