package io.measured.internal.cdi;

import io.measured.internal.config.ConfigSources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.ClassConfig;
import jakarta.enterprise.inject.build.compatible.spi.Enhancement;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticObserver;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.util.Set;

/**
 * The build-compatible extension: what {@link MeasuredExtension} does, for CDI Lite containers that
 * run no portable extension (Quarkus' ArC), and skipped wherever the portable one runs. It runs at
 * the container's build (in Quarkus: the application's build), where the configuration of the
 * running application is not known yet, so it only declares what happens at run time:
 * <ul>
 * <li>the {@link CheckedSettings} bean, read from the application's MicroProfile Config (its
 * {@code application.properties}, system properties and environment as the running process sees
 * them) when first needed;</li>
 * <li>an observer of {@link Startup} that reads them before the application serves anything, so an
 * unknown key, an invalid value or an expected exception class the application cannot load fails
 * the start with the message a deployment on a server fails with;</li>
 * <li>the {@link LiteContainer} bean, which tells the JAX-RS layer to time requests itself, since no
 * servlet container applies the jar's web fragment there.</li>
 * </ul>
 * It also marks the beans bound at class level with {@link MeasuredLifecycle}, as the portable
 * extension does, and makes the JAX-RS filters singletons ({@link #UNPROXIED_FILTERS}). The interceptors are enabled by their {@code @Priority}, which CDI Lite honours
 * as CDI Full does.
 * Stateless.
 */
@SkipIfPortableExtensionPresent(MeasuredExtension.class)
public class MeasuredLiteExtension implements BuildCompatibleExtension {

    /** Binds the lifecycle callbacks of class-bound beans to their own interceptor ({@link MeasuredLifecycle}). */
    @Enhancement(types = Object.class, withSubtypes = true)
    public void markClassBound(ClassConfig type) {
        if (LifecycleMarking.classBound(type.info())) {
            type.addAnnotation(MeasuredLifecycle.class);
        }
    }

    /**
     * The library's JAX-RS filters that every request meets, by name (the JAX-RS package depends on
     * this one, not the other way round). They are application-scoped beans so that EE servers'
     * JAX-RS runtimes inject them; in CDI Lite they become singletons, whose callers hold the
     * instance itself: a client proxy would look the application context up on each of the several
     * filter calls a request makes.
     */
    static final Set<String> UNPROXIED_FILTERS = Set.of("io.measured.internal.rest.HttpTimingFilter",
            "io.measured.internal.rest.JaxRsRequestTiming");

    @Enhancement(types = Object.class, withSubtypes = true)
    public void unproxyFilters(ClassConfig type) {
        if (UNPROXIED_FILTERS.contains(type.info().name())) {
            type.removeAnnotation(annotation -> annotation.name().equals(ApplicationScoped.class.getName()));
            type.addAnnotation(Singleton.class);
        }
    }

    @Synthesis
    public void synthesise(SyntheticComponents components) {
        components.addBean(CheckedSettings.class).type(CheckedSettings.class).scope(Singleton.class)
                .createWith(SettingsCreator.class);
        components.addBean(LiteContainer.class).type(LiteContainer.class).scope(Singleton.class)
                .createWith(LiteContainer.Creator.class);
        components.addObserver(Startup.class).declaringClass(MeasuredLiteExtension.class)
                .priority(Interceptor.Priority.LIBRARY_BEFORE).observeWith(SettingsAtStartup.class);
    }

    /** Reads the running application's settings; made by the container, at run time. */
    public static final class SettingsCreator implements SyntheticBeanCreator<CheckedSettings> {

        @Override
        public CheckedSettings create(Instance<Object> lookup, Parameters params) {
            ClassLoader application = CheckedSettings.applicationClassLoader();
            return CheckedSettings.read(ConfigSources.forClassLoader(application), application);
        }
    }

    /** Reads the settings as the application starts: invalid ones fail the start, before any request. */
    public static final class SettingsAtStartup implements SyntheticObserver<Startup> {

        @Override
        public void observe(EventContext<Startup> event, Parameters params) {
            CDI.current().select(ActiveSettings.class).get().get();
        }
    }
}
