package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every runtime's HTTP timing does for JAX-RS requests, whether a servlet filter (EE servers)
 * or the JAX-RS layer itself (Quarkus REST) times them: each request once, under the template of
 * the actual resource class (also for a resource method inherited from a shared base class), a
 * request that ends in an unmapped exception as a 500 error, invented methods as {@code OTHER}, a
 * request through sub-resource locators by the whole template, root to method.
 */
interface JaxRsTimingContract {

    Http http();

    @Test
    @DisplayName("JAX-RS requests are timed once each, under the template of the resource class that served them")
    default void inheritedResourceMethodsTakeTheTemplateOfTheirClass() throws Exception {
        Operations before = Operations.of(http());
        assertThat(http().get("api/tags/7").body()).isEqualTo("tag 7");
        assertThat(http().get("api/labels/7").body()).isEqualTo("label 7");
        assertThat(http().get("api/labels/8").body()).isEqualTo("label 8");
        assertThat(Operations.of(http()).changedSince(before, "http"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("http GET /tags/{id}", 1L, "http GET /labels/{id}", 2L));
    }

    @Test
    @DisplayName("a JAX-RS request that ends in an unmapped exception counts as a 500 error")
    default void unmappedExceptionsAreServerErrors() throws Exception {
        Operations before = Operations.of(http());
        assertThat(http().get("api/crash").statusCode()).isEqualTo(500);
        // where the JAX-RS layer times (Quarkus), the record is made as the request's context ends, just after the answer
        Operations after = Operations.awaitCalls(http(), before, "http GET /crash", 1);
        assertThat(after.count("http GET /crash") - before.count("http GET /crash")).isEqualTo(1);
        assertThat(after.errors("http GET /crash") - before.errors("http GET /crash")).isEqualTo(1);
        String exposition = http().get("api/metrics", "text/plain").body();
        assertThat(exposition).contains("measured_operation_errors_total{type=\"http\",operation=\"GET /crash\"}");
    }

    @Test
    @DisplayName("invented HTTP methods are all named OTHER, so they cannot add operations")
    default void inventedMethodsAreNamedOther() throws Exception {
        Operations before = Operations.of(http());
        for (int i = 1; i <= 30; i++) {
            http().method("A" + i, "api/notes");
        }
        Operations after = Operations.of(http());
        assertThat(after.keys()).noneMatch(key -> key.startsWith("http A"));
        assertThat(after.keys().size() - before.keys().size()).as("new operations").isLessThanOrEqualTo(1);
        assertThat(after.countOfType("http", before)).isEqualTo(30);
        assertThat(after.keys()).anyMatch(key -> key.startsWith("http OTHER "));
    }

    @Test
    @DisplayName("a request through sub-resource locators is named by the whole template, root to method")
    default void subResourceLocatorsAreNamedByTheWholeTemplate() throws Exception {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("api/orders/17/items/3", "item 3 of order 17");
        bodies.put("api/orders/18/gifts/4", "gift 4 of order 18");
        bodies.put("api/orders/19/items/5/notes", "notes on item 5 of order 19");
        bodies.put("api/users/9/tokens/2", "token 2 of user 9");
        bodies.put("api/orders/20/labels/6", "label 6");
        Operations before = Operations.of(http());
        for (Map.Entry<String, String> request : bodies.entrySet()) {
            HttpResponse<String> response = http().get(request.getKey());
            assertThat(response.statusCode()).as("GET %s: %s", request.getKey(), response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(request.getValue());
        }
        Map<String, Long> recorded = Operations.of(http()).changedSince(before, "http");
        assertThat(recorded).as("HTTP operations recorded for %s", bodies.keySet()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "http GET /orders/{id}/items/{n}", 1L, "http GET /orders/{id}/gifts/{n}", 1L,
                "http GET /orders/{id}/items/{n}/notes", 1L, "http GET /users/{id}/tokens/{n}", 1L,
                "http GET /orders/{id}/labels/{id}", 1L));
    }
}
