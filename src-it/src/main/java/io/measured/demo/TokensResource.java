package io.measured.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A sub-resource JAX-RS instantiates for {@link UsersResource}'s locator: {@code GET /users/{id}/tokens/{n}}. */
public class TokensResource {

    @GET
    @Path("{n}")
    @Produces(MediaType.TEXT_PLAIN)
    public String one(@PathParam("id") String user, @PathParam("n") String n) {
        return "token " + n + " of user " + user;
    }
}
