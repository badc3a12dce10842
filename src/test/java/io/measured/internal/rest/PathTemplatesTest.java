package io.measured.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

class PathTemplatesTest {

    @Path("/notes/")
    static class NotesResource {
        @GET
        public String list() {
            return "";
        }

        @GET
        @Path("{id: \\d+}")
        public String one(long id) {
            return "";
        }

        @GET
        @Path("/{id}/tags/{tag: [a-z]{2,8}}/")
        public String tag(long id, String tag) {
            return "";
        }
    }

    @Path("api")
    interface Contract {
        @GET
        @Path("items/{name}")
        String item(String name);
    }

    static class Implementation implements Contract {
        @Override
        public String item(String name) {
            return name;
        }
    }

    /** Stands for a container-generated subclass of a resource. */
    static class NotesResourceSubclass extends NotesResource {
    }

    static class Overrides extends NotesResource {
        /** Its own JAX-RS annotation: per the specification it inherits none, so no @Path either. */
        @GET
        @Override
        public String one(long id) {
            return "";
        }

        @Path("{id}/parts")
        public Object parts() {
            return this;
        }
    }

    @Test
    void joinsClassAndMethodTemplatesAndDropsRegexes() throws NoSuchMethodException {
        PathTemplates templates = new PathTemplates();
        assertThat(templates.of(NotesResource.class, NotesResource.class.getMethod("list"))).isEqualTo("/notes");
        assertThat(templates.of(NotesResource.class, NotesResource.class.getMethod("one", long.class))).isEqualTo("/notes/{id}");
        assertThat(templates.of(NotesResource.class, NotesResource.class.getMethod("tag", long.class, String.class)))
                .isEqualTo("/notes/{id}/tags/{tag}");
    }

    @Test
    void readsInheritedAnnotations() throws NoSuchMethodException {
        assertThat(PathTemplates.compute(Implementation.class, Implementation.class.getMethod("item", String.class)))
                .isEqualTo("/api/items/{name}");
        assertThat(PathTemplates.compute(NotesResourceSubclass.class, NotesResource.class.getMethod("list")))
                .isEqualTo("/notes");
    }

    @Test
    void aMethodWithAJaxRsAnnotationOfItsOwnInheritsNone() throws NoSuchMethodException {
        assertThat(PathTemplates.methodPath(Overrides.class.getMethod("one", long.class))).isNull();
        assertThat(PathTemplates.methodPath(NotesResourceSubclass.class.getMethod("one", long.class))).isEqualTo("{id: \\d+}");
    }

    @Test
    void locatorsHaveAPathAndNoHttpMethod() throws NoSuchMethodException {
        assertThat(PathTemplates.isLocator(Overrides.class.getMethod("parts"))).isTrue();
        assertThat(PathTemplates.isLocator(NotesResource.class.getMethod("one", long.class))).isFalse();
        assertThat(PathTemplates.isLocator(NotesResource.class.getMethod("list"))).isFalse();
        assertThat(PathTemplates.isLocator(Object.class.getMethod("toString"))).isFalse();
    }

    @Test
    void namesJoinPartsBySingleSlashes() {
        assertThat(PathTemplates.name("/orders/", null, "{id: [0-9]{1,3}}/items/", "", "/{n}")).isEqualTo("/orders/{id}/items/{n}");
        assertThat(PathTemplates.name(null, "/")).isEqualTo("/");
        assertThat(PathTemplates.stripRegex("a/{x : .*}/{y}/{unclosed")).isEqualTo("a/{x}/{y}/{unclosed}");
    }
}
