package io.measured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.cdi.BindingResolver;
import io.measured.internal.cdi.LiteContainer;
import io.measured.internal.cdi.MeasuredExtension;
import io.measured.internal.cdi.LifecycleInterceptor;
import io.measured.internal.cdi.MeasuredInterceptor;
import io.measured.internal.cdi.MeasuredLiteExtension;
import io.measured.internal.cdi.MetricsBufferProducer;
import io.measured.internal.cdi.RecordingFailures;
import io.measured.internal.config.InvalidConfigurationException;
import io.measured.internal.config.MapConfig;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.lite.extension.translator.LiteExtensionTranslator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The build-compatible extension, run by Weld's translator of build-compatible extensions: alone, as
 * a CDI Lite container (Quarkus' ArC) runs it, and beside the portable extension, as an EE server
 * meets both in the one jar.
 */
class CdiLiteDeploymentTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty("measured.sampling.rates");
        System.clearProperty("measured.buffer.size");
    }

    private static Weld withLibraryBeans() {
        return new Weld()
                .disableDiscovery()
                .containerId(null)
                .addBeanClasses(MetricsBufferProducer.class, MeasuredInterceptor.class, LifecycleInterceptor.class, BindingResolver.class,
                        RecordingFailures.class, ActiveSettings.class, NoteRepository.class);
    }

    private static LiteExtensionTranslator translated(Class<? extends MeasuredLiteExtension> extension) {
        return new LiteExtensionTranslator(List.of(extension), CdiLiteDeploymentTest.class.getClassLoader());
    }

    @Nested
    @DisplayName("without the portable extension, as in CDI Lite")
    class Alone {

        @Test
        @DisplayName("the interceptor records into a buffer configured from the application's own sources")
        void beansWorkWithoutThePortableExtension() {
            System.setProperty("measured.buffer.size", "5");
            try (WeldContainer container = withLibraryBeans().addExtension(translated(AsInCdiLite.class)).initialize()) {
                container.select(NoteRepository.class).get().findAll();
                MetricsBuffer buffer = container.select(MetricsBuffer.class).get();
                assertThat(buffer.getMaxSize()).isEqualTo(5);
                assertThat(buffer.getAll()).extracting(Metric::operationName).containsExactly("NoteRepository.findAll");
                assertThat(container.select(LiteContainer.class).isResolvable())
                        .as("the marker that makes the JAX-RS layer time requests itself").isTrue();
            }
        }

        @ParameterizedTest(name = "{0}={1}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "measured.sampling.rates|0.5|unknown key 'measured.sampling.rates' with value '0.5'; did you mean 'measured.sampling.rate'?",
            "measured.buffer.size|0|measured.buffer.size='0' is out of range"})
        @DisplayName("a mistake fails the start, not the first call that needs the settings, with the servers' message")
        void mistakesFailTheStart(String key, String value, String message) {
            System.setProperty(key, value);
            assertThatThrownBy(withLibraryBeans().addExtension(translated(AsInCdiLite.class))::initialize)
                    .hasRootCauseInstanceOf(InvalidConfigurationException.class)
                    .rootCause().hasMessageContaining(message);
        }
    }

    @Nested
    @DisplayName("beside the portable extension, as on an EE server")
    class BesideThePortableExtension {

        @Test
        @DisplayName("the build-compatible extension is skipped: one settings bean, the portable extension's, and no marker")
        void theLiteExtensionIsSkipped() {
            try (WeldContainer container = withLibraryBeans()
                    .addExtension(new MeasuredExtension(new MapConfig(Map.of("measured.buffer.size", "7"))))
                    .addExtension(translated(MeasuredLiteExtension.class)).initialize()) {
                assertThat(container.select(MetricsBuffer.class).get().getMaxSize()).isEqualTo(7);
                assertThat(container.select(LiteContainer.class).isResolvable()).isFalse();
                container.select(NoteRepository.class).get().findAll();
                assertThat(container.select(MetricsBuffer.class).get().getAll()).hasSize(1);
            }
        }
    }
}
