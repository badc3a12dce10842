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
}
