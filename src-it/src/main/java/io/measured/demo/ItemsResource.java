package io.measured.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A sub-resource without a {@code @Path} of its own, made by {@link OrdersResource}'s locators. */
public class ItemsResource {

    private final String kind;
    private final String order;

    public ItemsResource(String kind, String order) {
        this.kind = kind;
        this.order = order;
    }

    @GET
    @Path("{n}")
    @Produces(MediaType.TEXT_PLAIN)
    public String one(@PathParam("n") String n) {
        return kind + " " + n + " of order " + order;
    }

    /** A locator one level further down, declared to return {@code Object} as older code does. */
    @Path("{n}/notes")
    public Object notes(@PathParam("n") String n) {
        return new ItemNotesResource(kind + " " + n + " of order " + order);
    }
}
