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
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.jboss.weld.junit5.auto.AddExtensions;
import org.jboss.weld.junit5.auto.EnableAutoWeld;

/**
 * A Weld SE container per test method with the library's beans, interceptor and extension, as a
 * user's application gets them; the test class adds its own fixture beans with {@code @AddBeanClasses}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@EnableAutoWeld
@AddExtensions(MeasuredExtension.class)
@AddBeanClasses({MetricsBufferProducer.class, MeasuredInterceptor.class, LifecycleInterceptor.class, BindingResolver.class,
        RecordingFailures.class,
        ActiveSettings.class, EagerStart.class, StartedApplications.class})
public @interface MeasuredWeldTest {
}
