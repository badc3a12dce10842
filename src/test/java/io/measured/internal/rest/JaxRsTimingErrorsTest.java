package io.measured.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.cdi.MeasuredExtension;
import io.measured.internal.cdi.MetricsBufferProducer;
import io.measured.internal.cdi.RecordingFailures;
import io.measured.internal.config.MapConfig;
import io.measured.internal.web.FailingBufferProducer;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An Error while the JAX-RS layer records a request (at the end of its request context) is reported, never thrown. */
class JaxRsTimingErrorsTest {

    static List<Supplier<? extends Error>> errors() {
        return FailingBufferProducer.ERRORS;
    }

    @ParameterizedTest
    @MethodSource("errors")
    @DisplayName("recording a request that fails with an Error returns normally and reports it")
    void anErrorIsReported(Supplier<? extends Error> error) {
        FailingBufferProducer.failWith(error);
        try (WeldContainer container = new Weld().disableDiscovery().containerId(null)
                .addExtension(new MeasuredExtension(new MapConfig(Map.of())))
                .addBeanClasses(MetricsBufferProducer.class, RecordingFailures.class, ActiveSettings.class,
                        FailingBufferProducer.class, JaxRsRequestTiming.class, RequestCompletion.class)
                .initialize()) {
            JaxRsRequestTiming timing = container.select(JaxRsRequestTiming.class).get();

            assertThatCode(() -> timing.record("GET", "/notes", 200, 0L, 1_000L, null)).doesNotThrowAnyException();
            assertThat(container.select(RecordingFailures.class).get().count()).isEqualTo(1);
        }
    }
}
