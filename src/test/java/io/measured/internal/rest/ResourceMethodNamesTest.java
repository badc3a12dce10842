package io.measured.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.AsInCdiLite;
import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.cdi.BindingResolver;
import io.measured.internal.cdi.MeasuredExtension;
import io.measured.internal.cdi.MetricsBufferProducer;
import io.measured.internal.cdi.RecordingFailures;
import io.measured.internal.config.MapConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.lite.extension.translator.LiteExtensionTranslator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which resource methods get a filter that names their requests from deployment on, and with what. */
class ResourceMethodNamesTest {

    @Path("notes")
    public static class NotesResource {

        @GET
        @Path("{id: \\d+}")
        public String one(@PathParam("id") long id) {
            return "note " + id;
        }

        @Path("{id}/parts")
        public Object parts() {
            return new Object();
        }
    }

    @Path("more-notes")
    public static class MoreNotesResource extends NotesResource {
    }

    /** A sub-resource: its requests' templates start with the locator's that returned it. */
    public static class PartsResource {

        @GET
        @Path("{n}")
        public String part(@PathParam("n") String n) {
            return "part " + n;
        }
    }

    /** The deployment's view of one resource method. */
    private static ResourceInfo resource(Class<?> resourceClass, Method method) {
        return new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return method;
            }

            @Override
            public Class<?> getResourceClass() {
                return resourceClass;
            }
        };
    }

    /** What a runtime's feature context keeps of the providers a dynamic feature registers, with their priorities. */
    private static final class Registrations implements FeatureContext {
        final Map<Object, Integer> registered = new LinkedHashMap<>();

        @Override
        public FeatureContext register(Object component, int priority) {
            registered.put(component, priority);
            return this;
        }

        @Override
        public Configuration getConfiguration() {
            throw new UnsupportedOperationException("not asked for by ResourceMethodNames");
        }

        @Override
        public FeatureContext property(String name, Object value) {
            throw new UnsupportedOperationException("not asked for by ResourceMethodNames");
        }

        @Override
        public FeatureContext register(Class<?> componentClass) {
            throw new UnsupportedOperationException("registers instances only");
        }

        @Override
        public FeatureContext register(Class<?> componentClass, int priority) {
            throw new UnsupportedOperationException("registers instances only");
        }

        @Override
        public FeatureContext register(Class<?> componentClass, Class<?>... contracts) {
            throw new UnsupportedOperationException("registers instances only");
        }

        @Override
        public FeatureContext register(Class<?> componentClass, Map<Class<?>, Integer> contracts) {
            throw new UnsupportedOperationException("registers instances only");
        }

        @Override
        public FeatureContext register(Object component) {
            throw new UnsupportedOperationException("registers with a priority only");
        }

        @Override
        public FeatureContext register(Object component, Class<?>... contracts) {
            throw new UnsupportedOperationException("registers with a priority only");
        }

        @Override
        public FeatureContext register(Object component, Map<Class<?>, Integer> contracts) {
            throw new UnsupportedOperationException("registers with a priority only");
        }
    }

    private static ResourceMethodName filterOf(Registrations context) {
        assertThat(context.registered).hasSize(1);
        return (ResourceMethodName) context.registered.keySet().iterator().next();
    }

    private static Registrations configured(Class<?> resourceClass, Method method) {
        Registrations context = new Registrations();
        new ResourceMethodNames().configure(resource(resourceClass, method), context);
        return context;
    }

    private static Weld withLibraryBeans() {
        return new Weld().disableDiscovery().containerId(null).addBeanClasses(MetricsBufferProducer.class,
                BindingResolver.class, RecordingFailures.class, ActiveSettings.class);
    }

    @Nested
    @DisplayName("in a CDI Lite container, where the JAX-RS layer times requests")
    class InCdiLite {

        private WeldContainer lite() {
            return withLibraryBeans().addExtension(new LiteExtensionTranslator(List.of(AsInCdiLite.class),
                    ResourceMethodNamesTest.class.getClassLoader())).initialize();
        }

        @Test
        @DisplayName("a resource method gets a filter with its template, ordered before the filter that looks the match up")
        void aResourceMethodIsNamedFromDeploymentOn() throws Exception {
            try (WeldContainer ignored = lite()) {
                Registrations context = configured(NotesResource.class, NotesResource.class.getMethod("one", long.class));

                assertThat(context.registered.entrySet()).singleElement().satisfies(entry -> {
                    assertThat(entry.getKey()).isInstanceOfSatisfying(ResourceMethodName.class,
                            filter -> assertThat(filter.template()).isEqualTo("/notes/{id}"));
                    assertThat(entry.getValue()).isLessThan(Priorities.AUTHENTICATION - 100);
                });
            }
        }

        @Test
        @DisplayName("a root resource method configured again (Quarkus REST builds each root class as a sub-resource first) names by its last filter only")
        void onlyTheLastConfigurationNames() throws Exception {
            try (WeldContainer ignored = lite()) {
                Method one = NotesResource.class.getMethod("one", long.class);
                Registrations asSubResource = new Registrations();
                new ResourceMethodNames().configure(resource(NotesResource.class, one), asSubResource);
                Registrations asRoot = new Registrations();
                new ResourceMethodNames().configure(resource(NotesResource.class, one), asRoot);
                Registrations subclass = new Registrations();
                new ResourceMethodNames().configure(resource(MoreNotesResource.class, one), subclass);

                assertThat(filterOf(asSubResource).names()).as("the first configuration's filter").isFalse();
                assertThat(filterOf(asRoot).names()).as("the last configuration's filter").isTrue();
                assertThat(filterOf(subclass).names()).as("the same method configured for another root class").isTrue();
                assertThat(filterOf(subclass).template()).isEqualTo("/more-notes/{id}");
            }
        }

        @Test
        @DisplayName("sub-resource locators, sub-resources and the metrics endpoint get none: their requests are named per request")
        void locatorsAndTheEndpointAreLeftToTheLookUp() throws Exception {
            try (WeldContainer ignored = lite()) {
                assertThat(configured(NotesResource.class, NotesResource.class.getMethod("parts")).registered).isEmpty();
                assertThat(configured(PartsResource.class, PartsResource.class.getMethod("part", String.class)).registered)
                        .as("a sub-resource's method").isEmpty();
                Method endpoint = MetricsResource.class.getDeclaredMethods()[0];
                assertThat(configured(MetricsResource.class, endpoint).registered).isEmpty();
                assertThat(configured(null, null).registered).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("on an EE server, whose servlet filter times requests, it registers nothing")
    void nothingBesideThePortableExtension() throws Exception {
        try (WeldContainer ignored = withLibraryBeans().addExtension(new MeasuredExtension(new MapConfig(Map.of()))).initialize()) {
            assertThat(configured(NotesResource.class, NotesResource.class.getMethod("one", long.class)).registered).isEmpty();
        }
    }

    @Test
    @DisplayName("with no container to ask, it registers nothing and throws nothing")
    void nothingWithoutAContainer() throws Exception {
        assertThat(configured(NotesResource.class, NotesResource.class.getMethod("one", long.class)).registered).isEmpty();
    }
}
