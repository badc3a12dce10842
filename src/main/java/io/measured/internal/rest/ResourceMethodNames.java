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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

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
 * resource class twice and configures its methods in each build: first as a sub-resource a locator
 * may return, then as a root (3.33's {@code RuntimeDeploymentManager}). Each build's filter is
 * registered, and only the one configured last for a class and method names requests; the other
 * lets them through, so a request through a locator is named root to method by
 * {@link HttpTimingFilter}. QuarkusIT checks both paths on the version it runs.
 *
 * <p>On EE servers, whose servlet filter times requests, it registers nothing. A failure to find
 * out registers nothing too, and leaves the naming to {@link HttpTimingFilter}. Thread-safe.
 */
@Provider
public final class ResourceMethodNames implements DynamicFeature {

    /** Runs before {@link HttpTimingFilter}, which then finds the request named and returns. */
    static final int PRIORITY = Priorities.AUTHENTICATION - 150;

    /**
     * Per resource class and method, the naming filter configured last. Static, since a runtime
     * may make a feature instance per method (Quarkus REST asks its bean factory each time); kept
     * with each class, so it goes when the class does.
     */
    private static final ClassValue<Map<Method, AtomicReference<ResourceMethodName>>> LAST_CONFIGURED =
            new ClassValue<>() {
                @Override
                protected Map<Method, AtomicReference<ResourceMethodName>> computeValue(Class<?> resourceClass) {
                    return new ConcurrentHashMap<>();
                }
            };

    /** Whether the JAX-RS layer times requests in this application; found out on first use. */
    private volatile Boolean jaxRsLayerTimes;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        try {
            Class<?> resourceClass = resource.getResourceClass();
            Method method = resource.getResourceMethod();
            if (resourceClass == null || method == null || !resourceClass.isAnnotationPresent(Path.class)
                    || MetricsResource.class.isAssignableFrom(resourceClass) || PathTemplates.isLocator(method)
                    || !jaxRsLayerTimes()) {
                return;
            }
            AtomicReference<ResourceMethodName> last =
                    LAST_CONFIGURED.get(resourceClass).computeIfAbsent(method, m -> new AtomicReference<>());
            ResourceMethodName filter = new ResourceMethodName(PathTemplates.compute(resourceClass, method), last);
            context.register(filter, PRIORITY);
            last.set(filter);
        } catch (RuntimeException | LinkageError e) {
            // HttpTimingFilter names these requests as it names the rest: only slower
        }
    }

    /**
     * Whether the JAX-RS layer times requests here: in a CDI Lite container, not on EE servers.
     * Asked once per feature instance (each question walks the caller's stack on some containers).
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
