package io.measured.demo;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Endpoints with controlled behaviour for tests and load. */
@Path("tasks")
public class WorkResource {

    @Inject
    Worker worker;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String pause(@QueryParam("ms") Integer millis) throws InterruptedException {
        if (millis == null || millis < 0 || millis > 2000) {
            throw new BadRequestException("ms must be within 0 .. 2000");
        }
        return Integer.toString(worker.pause(millis));
    }

    @GET
    @Path("hostile")
    @Produces(MediaType.TEXT_PLAIN)
    public String hostile() {
        return worker.hostile();
    }

    @GET
    @Path("odd")
    @Produces(MediaType.TEXT_PLAIN)
    public String odd() {
        return worker.odd();
    }
}
