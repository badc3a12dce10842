package io.measured.demo;

import jakarta.ws.rs.Path;

@Path("tags")
public class TagsResource extends CatalogResource {

    @Override
    String kind() {
        return "tag";
    }
}
