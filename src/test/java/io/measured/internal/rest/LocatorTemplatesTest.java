package io.measured.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocatorTemplatesTest {

    @Path("/orders")
    public static class OrdersResource {
        @Path("{id}/items")
        public ItemsResource items(@PathParam("id") String id) {
            return new ItemsResource();
        }

        @Path("{id: \\d+}/gifts/")
        public ItemsResource gifts(@PathParam("id") String id) {
            return new ItemsResource();
        }

        @Path("{id}/{kind}")
        public ItemsResource anyKind(@PathParam("id") String id) {
            return new ItemsResource();
        }

        @Path("{id}/notes")
        public Object notes() {
            return new NotesResource();
        }

        @Path("{id}/history")
        public Class<HistoryResource> history() {
            return HistoryResource.class;
        }

        @GET
        @Path("{id}")
        public String one() {
            return "";
        }
    }

    public static class ItemsResource {
        @GET
        @Path("{n}")
        public String item() {
            return "";
        }

        @GET
        public String all() {
            return "";
        }
    }

    public static class NotesResource {
        @GET
        public String all() {
            return "";
        }
    }

    public static class HistoryResource {
        @GET
        @Path("/{entry}/")
        public String entry() {
            return "";
        }
    }

    /** Stand for container-generated subclasses (CDI proxies) without annotations of their own. */
    public static class OrdersProxy extends OrdersResource {
        @Override
        public ItemsResource items(String id) {
            return super.items(id);
        }
    }

    public static class ItemsProxy extends ItemsResource {
        @Override
        public String item() {
            return super.item();
        }
    }

    @Path("users")
    public interface UsersApi {
        @Path("{id}/tokens")
        TokensResource tokens(@PathParam("id") String id);
    }

    public static class UsersResource implements UsersApi {
        @Override
        public TokensResource tokens(String id) {
            return new TokensResource();
        }
    }

    public static class TokensResource {
        @GET
        @Path("{n}")
        public String token() {
            return "";
        }
    }

    /** A tree of any depth: each node locates its children. */
    @Path("tree")
    public static class Node {
        @Path("{child}")
        public Node child() {
            return new Node();
        }

        @GET
        public String show() {
            return "";
        }
    }

    private final LocatorTemplates templates = new LocatorTemplates();

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        return type.getMethod(name);
    }

    private String name(String path, Method method, Class<?>... rootFirst) {
        return templates.of(List.of(rootFirst), method, () -> path);
    }

    @Test
    @DisplayName("the locator's path comes between the root's and the resource method's")
    void fullTemplateThroughALocator() throws Exception {
        assertThat(name("orders/1/items/2", method(ItemsResource.class, "item"), OrdersResource.class, ItemsResource.class))
                .isEqualTo("/orders/{id}/items/{n}");
        assertThat(name("orders/1/items", method(ItemsResource.class, "all"), OrdersResource.class, ItemsResource.class))
                .isEqualTo("/orders/{id}/items");
        assertThat(name("users/7/tokens/9", method(TokensResource.class, "token"), UsersResource.class, TokensResource.class))
                .isEqualTo("/users/{id}/tokens/{n}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"orders/1/items/2, /orders/{id}/items/{n}", "orders/1/gifts/2, /orders/{id}/gifts/{n}",
        "orders/x/gifts/2, /orders/{id}/{kind}/{n}", "orders/1/parcels/2, /orders/{id}/{kind}/{n}",
        "/orders/1/items/2/, /orders/{id}/items/{n}"})
    @DisplayName("locators returning the same class: the one whose template matches the path, by JAX-RS precedence")
    void theRequestPathChoosesAmongLocatorsOfTheSameType(String path, String template) throws Exception {
        assertThat(name(path, method(ItemsResource.class, "item"), OrdersResource.class, ItemsResource.class))
                .isEqualTo(template);
    }

    @Test
    @DisplayName("locators returning Object or a Class, declared in an interface, or reached through proxies")
    void locatorsOfEveryShape() throws Exception {
        assertThat(name("orders/1/notes", method(NotesResource.class, "all"), OrdersResource.class, NotesResource.class))
                .isEqualTo("/orders/{id}/notes");
        assertThat(name("orders/1/history/3", method(HistoryResource.class, "entry"), OrdersResource.class,
                HistoryResource.class)).isEqualTo("/orders/{id}/history/{entry}");
        assertThat(name("orders/1/items/2", method(ItemsProxy.class, "item"), OrdersProxy.class, ItemsProxy.class))
                .isEqualTo("/orders/{id}/items/{n}");
    }

    @Test
    @DisplayName("a recursive resource is named by its depth, up to a bound; deeper chains share one name")
    void recursiveResourcesAreBounded() throws Exception {
        Method show = method(Node.class, "show");
        assertThat(name("tree/a/b", show, Node.class, Node.class, Node.class)).isEqualTo("/tree/{child}/{child}");
        List<Class<?>> deep = new ArrayList<>(Collections.nCopies(LocatorTemplates.MAX_LOCATORS + 2, Node.class));
        assertThat(templates.of(deep, show, () -> "tree/" + "x/".repeat(LocatorTemplates.MAX_LOCATORS + 1)))
                .isEqualTo("/tree/...");
    }

    @Test
    @DisplayName("no locator fits, or none matches the path: the root's template, /..., the method's")
    void unresolvedChainsGetABoundedName() throws Exception {
        assertThat(name("orders/1/items/2", method(TokensResource.class, "token"), OrdersResource.class,
                TokensResource.class)).isEqualTo("/orders/.../{n}");
        assertThat(name("elsewhere", method(ItemsResource.class, "item"), OrdersResource.class, ItemsResource.class))
                .isEqualTo("/orders/.../{n}");
    }

    @Test
    @DisplayName("the request path is read only where several templates are possible")
    void thePathIsReadOnlyWhenNeeded() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        Supplier<String> path = () -> {
            reads.incrementAndGet();
            return "users/1/tokens/2";
        };
        templates.of(List.of(UsersResource.class, TokensResource.class), method(TokensResource.class, "token"), path);
        assertThat(reads).hasValue(0);
        templates.of(List.of(OrdersResource.class, ItemsResource.class), method(ItemsResource.class, "item"),
                () -> "orders/1/items/2");
        templates.of(List.of(OrdersResource.class, ItemsResource.class), method(ItemsResource.class, "item"), path);
        assertThat(reads).hasValue(1);
    }
}
