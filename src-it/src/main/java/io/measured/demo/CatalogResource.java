package io.measured.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A generic read-only resource base, as CRUD base classes are: its one resource method serves every
 * subclass, each under its own path.
 */
public abstract class CatalogResource {

    abstract String kind();

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_PLAIN)
    public String one(@PathParam("id") String id) {
        return kind() + " " + id;
    }
}
