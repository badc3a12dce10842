package io.measured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.cdi.BindingResolver;
import io.measured.internal.cdi.LifecycleInterceptor;
import io.measured.internal.cdi.MeasuredExtension;
import io.measured.internal.cdi.MeasuredInterceptor;
import io.measured.internal.cdi.MetricsBufferProducer;
import io.measured.internal.cdi.RecordingFailures;
import io.measured.internal.config.MapConfig;
import io.measured.internal.config.MeasuredSettings;
import io.measured.kinds.LifecycleBean;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.logging.LogRecord;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When finding a call's binding fails (as under Quarkus, where a scheduled job may create a bean
 * while a start with invalid settings is being stopped), the call runs untimed and the one report
 * names the call: a lifecycle callback, whose context has no method, by its bean class and callback.
 */
class UnresolvedBindingReportTest {

    /** Settings that cannot be read, as when the application's configuration is invalid. */
    @Alternative
    @Priority(1000)
    @ApplicationScoped
    public static class UnreadableSettings extends ActiveSettings {
        @Override
        public MeasuredSettings get() {
            throw new UnsupportedOperationException("settings unreadable in this test");
        }
    }

    @RegisterExtension
    final LoggedRecords reports = LoggedRecords.of(RecordingFailures.class);

    private static WeldContainer start(Class<?> bean) {
        return new Weld().disableDiscovery().containerId(null)
                .addExtension(new MeasuredExtension(new MapConfig(Map.of())))
                .addBeanClasses(MetricsBufferProducer.class, MeasuredInterceptor.class, LifecycleInterceptor.class,
                        BindingResolver.class, RecordingFailures.class, ActiveSettings.class, UnreadableSettings.class, bean)
                .initialize();
    }

    @Test
    @DisplayName("a @PostConstruct runs untimed, reported as <bean class>.@PostConstruct, never as 'null'")
    void postConstructIsNamed() {
        try (WeldContainer container = start(LifecycleBean.class)) {
            assertThat(container.select(LifecycleBean.class).get().isOpen()).isTrue();
            assertThat(reports.all()).singleElement().satisfies(report -> {
                assertThat(report.getMessage())
                        .contains("'" + LifecycleBean.class.getName() + ".@PostConstruct'")
                        .doesNotContain("'null'");
                assertThat(report.getThrown()).hasMessage("settings unreadable in this test");
            });
        }
    }

    @Test
    @DisplayName("a business method of a method-bound bean runs untimed, reported with its method")
    void methodIsNamed() {
        try (WeldContainer container = start(PlainService.class)) {
            assertThat(container.select(PlainService.class).get().fetch()).isEqualTo("fetched");
            assertThat(reports.all()).singleElement().extracting(LogRecord::getMessage, STRING)
                    .contains("io.measured.PlainService.fetch()");
        }
    }
}
