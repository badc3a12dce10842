package io.measured.internal.rest;

import io.measured.internal.cdi.LiteContainer;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names the requests {@link JaxRsRequestTiming} times, where it does (a CDI Lite container such as
 * Quarkus), ahead of {@link HttpTimingFilter}: each resource method of a root resource gets its own
 * {@link ResourceMethodName} filter, which knows the method's template from deployment on, so a
 * request to it costs no look-up of the matched resource at all. In Quarkus REST that look-up made
 * a request-scoped {@link ResourceInfo} per request, most of the naming's cost. Only root resources
 * (a {@link Path} on the class itself) get them: Quarkus REST also configures the methods of
 * sub-resource classes, whose requests' templates depend on the locators they came through and are
 * known only per request; locators themselves and the metrics endpoint's methods get none either,
 * and {@link HttpTimingFilter} names those requests as before.
 *
 * <p>A root resource class may also be returned by a locator. Quarkus REST builds every root
 * resource class twice, first as a root and then as a sub-resource a locator may return, and
 * configures its methods in each build; only the first configuration of a class's method gets a
 * naming filter, so the request through a locator meets none and is named root to method by
 * {@link HttpTimingFilter}. Were a runtime to build the sub-resource first, its root requests
 * would be named by that filter's look-up instead: slower, never wrong.
 *
 * <p>On EE servers, whose servlet filter times requests, it registers nothing. A failure to find
 * out registers nothing too, and leaves the naming to {@link HttpTimingFilter}. Thread-safe.
 */
@Provider
public final class ResourceMethodNames implements DynamicFeature {

    /** Runs before {@link HttpTimingFilter}, which then finds the request named and returns. */
    static final int PRIORITY = Priorities.AUTHENTICATION - 150;

    /** Whether the JAX-RS layer times requests in this application; found out on first use. */
    private volatile Boolean jaxRsLayerTimes;
    /** The root resource methods configured so far, each with the class it was configured for. */
    private final Set<Map.Entry<Class<?>, Method>> configured = ConcurrentHashMap.newKeySet();

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        try {
            Class<?> resourceClass = resource.getResourceClass();
            Method method = resource.getResourceMethod();
            if (resourceClass == null || method == null || !resourceClass.isAnnotationPresent(Path.class)
                    || MetricsResource.class.isAssignableFrom(resourceClass) || PathTemplates.isLocator(method)
                    || !jaxRsLayerTimes() || !configured.add(Map.entry(resourceClass, method))) {
                return;
            }
            context.register(new ResourceMethodName(PathTemplates.compute(resourceClass, method)), PRIORITY);
        } catch (RuntimeException | LinkageError e) {
            // HttpTimingFilter names these requests as it names the rest: only slower
        }
    }

    /**
     * Whether the JAX-RS layer times requests here: in a CDI Lite container, not on EE servers.
     * Asked once per application (each question walks the caller's stack on some containers).
     */
    private boolean jaxRsLayerTimes() {
        Boolean times = jaxRsLayerTimes;
        if (times == null) {
            try {
                times = CDI.current().select(LiteContainer.class).isResolvable();
            } catch (IllegalStateException noContainerYet) {
                times = false;
            }
            jaxRsLayerTimes = times;
        }
        return times;
    }
}
