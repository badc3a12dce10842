package io.measured;

import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.cdi.BindingResolver;
import io.measured.internal.cdi.EagerStart;
import io.measured.internal.cdi.MeasuredExtension;
import io.measured.internal.cdi.LifecycleInterceptor;
import io.measured.internal.cdi.MeasuredInterceptor;
import io.measured.internal.cdi.MetricsBufferProducer;
import io.measured.internal.cdi.RecordingFailures;
import io.measured.internal.cdi.StartedApplications;
import io.measured.internal.config.MapConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** Starts Weld SE containers with chosen settings, for tests about deployment itself. */
final class MeasuredContainers {

    private MeasuredContainers() {
    }

    /** A container whose extension reads the given settings. */
    static WeldContainer start(java.util.Map<String, String> settings, Class<?>... beans) {
        return start(new MeasuredExtension(new MapConfig(settings)), beans);
    }

    /** A container whose extension reads the application's real sources, as on a server. */
    static WeldContainer startReadingRealSources(Class<?>... beans) {
        return start(new MeasuredExtension(), beans);
    }

    private static WeldContainer start(MeasuredExtension extension, Class<?>... beans) {
        return new Weld()
                .disableDiscovery()
                .containerId(null)
                .addExtension(extension)
                .addBeanClasses(MetricsBufferProducer.class, MeasuredInterceptor.class, LifecycleInterceptor.class, BindingResolver.class,
                        RecordingFailures.class, ActiveSettings.class, EagerStart.class, StartedApplications.class)
                .addBeanClasses(beans)
                .initialize();
    }
}
