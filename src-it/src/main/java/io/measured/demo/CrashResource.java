package io.measured.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A resource that fails with an exception no mapper handles: the server answers 500. */
@Path("crash")
public class CrashResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String crash() {
        throw new IllegalStateException("unmapped failure");
    }
}
