package io.measured.demo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The notes API: JSON in and out, plus an HTML page per note. */
@Path("notes")
@RequestScoped
public class NotesResource {

    @Inject
    NoteRepository repository;

    @Inject
    NoteRenderer renderer;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list() {
        JsonArrayBuilder notes = Json.createArrayBuilder();
        for (Note note : repository.findAll()) {
            notes.add(json(note));
        }
        return notes.build().toString();
    }

    @GET
    @Path("{id: [0-9]+}")
    @Produces(MediaType.APPLICATION_JSON)
    public String one(@PathParam("id") long id) {
        return json(repository.findById(id).orElseThrow(() -> new NotFoundException("no note " + id))).toString();
    }

    @GET
    @Path("{id: [0-9]+}/html")
    @Produces(MediaType.TEXT_HTML)
    public String page(@PathParam("id") long id) {
        return renderer.render(repository.findById(id).orElseThrow(() -> new NotFoundException("no note " + id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(JsonObject note) {
        Note created = repository.create(note.getString("title", "untitled"), note.getString("body", ""));
        return Response.created(URI.create("notes/" + created.id())).entity(json(created).toString()).build();
    }

    @GET
    @Path("archive")
    @Produces(MediaType.APPLICATION_JSON)
    public String archive() {
        repository.findArchived();
        return "[]";
    }

    private static JsonObject json(Note note) {
        return Json.createObjectBuilder().add("id", note.id()).add("title", note.title()).add("body", note.body()).build();
    }
}
