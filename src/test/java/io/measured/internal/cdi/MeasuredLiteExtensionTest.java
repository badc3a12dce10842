package io.measured.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the build-compatible extension changes by name stays true to the classes it names. */
class MeasuredLiteExtensionTest {

    @Test
    @DisplayName("the filters it makes singletons are the library's application-scoped JAX-RS request filters")
    void theUnproxiedFiltersExist() throws Exception {
        assertThat(MeasuredLiteExtension.UNPROXIED_FILTERS).isNotEmpty();
        for (String name : MeasuredLiteExtension.UNPROXIED_FILTERS) {
            Class<?> filter = Class.forName(name);
            assertThat(filter).as(name).hasAnnotations(Provider.class, ApplicationScoped.class);
            assertThat(ContainerRequestFilter.class.isAssignableFrom(filter)).as(name + " is a request filter").isTrue();
        }
    }
}
