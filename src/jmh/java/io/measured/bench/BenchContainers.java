package io.measured.bench;

import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.cdi.BindingResolver;
import io.measured.internal.cdi.MeasuredExtension;
import io.measured.internal.cdi.LifecycleInterceptor;
import io.measured.internal.cdi.MeasuredInterceptor;
import io.measured.internal.cdi.MetricsBufferProducer;
import io.measured.internal.cdi.RecordingFailures;
import io.measured.internal.config.MapConfig;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** A Weld SE container with the library's beans as an application gets them, plus a benchmark's own. */
final class BenchContainers {

    private BenchContainers() {
    }

    static WeldContainer start(String samplingRate, Class<?>... beans) {
        return start(Map.of("measured.sampling.rate", samplingRate), beans);
    }

    static WeldContainer start(Map<String, String> settings, Class<?>... beans) {
        return new Weld().disableDiscovery().containerId(null)
                .addExtension(new MeasuredExtension(new MapConfig(settings)))
                .addBeanClasses(MetricsBufferProducer.class, MeasuredInterceptor.class, LifecycleInterceptor.class, BindingResolver.class,
                        RecordingFailures.class, ActiveSettings.class)
                .addBeanClasses(beans)
                .initialize();
    }
}
