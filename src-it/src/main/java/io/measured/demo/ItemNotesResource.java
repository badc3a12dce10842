package io.measured.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The notes of one item: two locators below the root, {@code GET /orders/{id}/items/{n}/notes}. */
public class ItemNotesResource {

    private final String item;

    public ItemNotesResource(String item) {
        this.item = item;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String notes() {
        return "notes on " + item;
    }
}
