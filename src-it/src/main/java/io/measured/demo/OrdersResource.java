package io.measured.demo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * Orders, whose items are reached through sub-resource locators: a request is named by the whole
 * template, root to method ({@code GET /orders/{id}/items/{n}}), never by the sub-resource's own
 * part alone. A CDI bean, so JAX-RS sees it through the container's proxy.
 */
@Path("orders")
@RequestScoped
public class OrdersResource {

    @Path("{id}/items")
    public ItemsResource items(@PathParam("id") String id) {
        return new ItemsResource("item", id);
    }

    /** A second locator returning the same class: only the request path tells the two apart. */
    @Path("{id}/gifts")
    public ItemsResource gifts(@PathParam("id") String id) {
        return new ItemsResource("gift", id);
    }

    /**
     * A locator returning a root resource class: its requests here are named by this path, root to
     * method, not by the class's own {@code /labels/{id}}.
     */
    @Path("{id}/labels")
    public LabelsResource labels() {
        return new LabelsResource();
    }
}
