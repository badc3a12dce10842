package io.measured.demo;

import jakarta.ws.rs.Path;

@Path("labels")
public class LabelsResource extends CatalogResource {

    @Override
    String kind() {
        return "label";
    }
}
