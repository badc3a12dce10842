package io.measured.demo;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;

/** Comments on notes: JPA for writes and lists, plain JDBC for counts. */
@Path("comments")
@Produces(MediaType.APPLICATION_JSON)
public class CommentsResource {

    @Inject
    CommentStore store;

    @POST
    @Path("{note}")
    @Consumes(MediaType.TEXT_PLAIN)
    public Response add(@PathParam("note") long note, String body) {
        Comment comment = store.add(note, body);
        return Response.status(Response.Status.CREATED)
                .entity(Json.createObjectBuilder().add("id", comment.getId()).build())
                .build();
    }

    /** One comment per line, all kept or none (a blank line rejects them all: 422). */
    @POST
    @Path("{note}/all")
    @Consumes(MediaType.TEXT_PLAIN)
    public Response addAll(@PathParam("note") long note, String lines) {
        List<String> bodies = Arrays.asList(lines.split("\n", -1));
        try {
            return Response.ok(Json.createObjectBuilder().add("added", store.addAll(note, bodies)).build()).build();
        } catch (CommentRejectedException e) {
            return Response.status(422).entity(Json.createObjectBuilder().add("error", e.getMessage()).build()).build();
        }
    }

    @GET
    @Path("{note}")
    public Response list(@PathParam("note") long note) {
        JsonArrayBuilder bodies = Json.createArrayBuilder();
        store.list(note).forEach(comment -> bodies.add(comment.getBody()));
        return Response.ok(bodies.build()).build();
    }

    @GET
    @Path("{note}/count")
    public JsonObject count(@PathParam("note") long note) {
        return Json.createObjectBuilder().add("count", store.count(note)).build();
    }

    @GET
    @Path("{note}/count-through-driver")
    public JsonObject countThroughDriver(@PathParam("note") long note) {
        return Json.createObjectBuilder().add("count", store.countThroughDriver(note)).build();
    }

    @GET
    @Path("matching")
    public JsonObject countWithBody(@QueryParam("body") String body) {
        return Json.createObjectBuilder().add("count", store.countWithBody(body == null ? "" : body)).build();
    }

    @DELETE
    @Path("{note}")
    public JsonObject removeAll(@PathParam("note") long note) {
        return Json.createObjectBuilder().add("removed", store.removeAll(note)).build();
    }
}
