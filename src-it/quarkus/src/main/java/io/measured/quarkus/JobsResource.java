package io.measured.quarkus;

import io.measured.demo.RequestLog;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;

/** Calls into the Quarkus-only beans, so tests can see each binding rule and each ending timed. */
@Path("jobs")
@Produces(MediaType.TEXT_PLAIN)
public class JobsResource {

    @Inject
    Jobs jobs;

    @Inject
    Reports reports;

    @Inject
    RequestLog log;

    @POST
    @Path("{name}")
    public String run(@PathParam("name") String name) {
        log.add(name);
        return jobs.run(name);
    }

    @GET
    @Path("summary")
    public String summary() {
        return jobs.summary();
    }

    @GET
    @Path("report")
    public String report() {
        return reports.monthly();
    }

    @POST
    @Path("failing")
    public String fail() {
        return jobs.fail();
    }

    @GET
    @Path("later")
    public CompletionStage<String> later(@QueryParam("ms") int millis) {
        return jobs.later(checked(millis));
    }

    @GET
    @Path("lazily")
    public Uni<String> lazily(@QueryParam("ms") int millis) {
        return jobs.lazily(checked(millis));
    }

    private static int checked(int millis) {
        if (millis < 0 || millis > 2000) {
            throw new BadRequestException("ms must be within 0 .. 2000");
        }
        return millis;
    }
}
