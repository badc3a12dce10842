package io.measured.demo;

import jakarta.ws.rs.Path;

/** Users, whose tokens come from a locator that returns a class: JAX-RS makes the instance itself. */
@Path("users")
public class UsersResource {

    @Path("{id}/tokens")
    public Class<TokensResource> tokens() {
        return TokensResource.class;
    }
}
