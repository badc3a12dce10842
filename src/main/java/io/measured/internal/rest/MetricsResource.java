package io.measured.internal.rest;

import io.measured.MetricsBuffer;
import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.config.MeasuredSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /metrics} under the application's JAX-RS root. Every request is checked against
 * {@code measured.endpoint.role} first; bad input gets 400 with {@code {"error": ...}}; an
 * unexpected failure is logged and answered 500 without details.
 */
@Path("metrics")
@RequestScoped
public class MetricsResource {

    private static final Logger LOG = Logger.getLogger(MetricsResource.class.getName());

    @Inject
    MetricsBuffer buffer;

    @Inject
    ActiveSettings activeSettings;

    @Inject
    JsonRenderer json;

    @FunctionalInterface
    private interface Action {
        Reply run(MetricsEndpoint endpoint) throws BadRequestException;
    }

    /** No {@code @Produces}: the endpoint negotiates JSON, Prometheus text and OpenMetrics itself, by q-value. */
    @GET
    public Response stats(@Context UriInfo uri, @Context SecurityContext security, @Context HttpHeaders headers) {
        String accept = joined(headers, HttpHeaders.ACCEPT);
        return answer(uri, security, headers, endpoint -> endpoint.stats(uri.getQueryParameters(), accept));
    }

    /** The dashboard, whatever the Accept header; {@code GET /metrics} answers it too to browsers. */
    @GET
    @Path("dashboard")
    public Response dashboard(@Context UriInfo uri, @Context SecurityContext security, @Context HttpHeaders headers) {
        return answer(uri, security, headers, endpoint -> endpoint.dashboard(uri.getQueryParameters()));
    }

    @GET
    @Path("dashboard.js")
    public Response dashboardScript(@Context UriInfo uri, @Context SecurityContext security, @Context HttpHeaders headers) {
        return answer(uri, security, headers, endpoint -> endpoint.dashboardResource(uri.getQueryParameters(), Dashboard.SCRIPT,
                Dashboard.SCRIPT_TEXT));
    }

    @GET
    @Path("dashboard.css")
    public Response dashboardStyle(@Context UriInfo uri, @Context SecurityContext security, @Context HttpHeaders headers) {
        return answer(uri, security, headers, endpoint -> endpoint.dashboardResource(uri.getQueryParameters(), Dashboard.STYLE,
                Dashboard.STYLE_TEXT));
    }

    @GET
    @Path("history")
    @Produces(MediaType.APPLICATION_JSON)
    public Response history(@Context UriInfo uri, @Context SecurityContext security, @Context HttpHeaders headers) {
        return answer(uri, security, headers, endpoint -> endpoint.history(uri.getQueryParameters()));
    }

    @GET
    @Path("recent")
    @Produces(MediaType.APPLICATION_JSON)
    public Response recent(@Context UriInfo uri, @Context SecurityContext security, @Context HttpHeaders headers) {
        return answer(uri, security, headers, endpoint -> endpoint.recent(uri.getQueryParameters()));
    }

    @GET
    @Path("slow")
    @Produces(MediaType.APPLICATION_JSON)
    public Response slow(@Context UriInfo uri, @Context SecurityContext security, @Context HttpHeaders headers) {
        return answer(uri, security, headers, endpoint -> endpoint.slow(uri.getQueryParameters()));
    }

    @GET
    @Path("operations")
    @Produces(MediaType.APPLICATION_JSON)
    public Response operations(@Context UriInfo uri, @Context SecurityContext security, @Context HttpHeaders headers) {
        return answer(uri, security, headers, endpoint -> endpoint.operations(uri.getQueryParameters()));
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response clear(@Context UriInfo uri, @Context SecurityContext security, @Context HttpHeaders headers) {
        return answer(uri, security, headers, endpoint -> endpoint.clear(uri.getQueryParameters()));
    }

    @PUT
    @Path("sampling/{type}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response setSamplingRate(@PathParam("type") String type, String body, @Context UriInfo uri,
            @Context SecurityContext security, @Context HttpHeaders headers) {
        return answer(uri, security, headers, endpoint -> endpoint.setSamplingRate(type, body, uri.getQueryParameters()));
    }

    private Response answer(UriInfo uri, SecurityContext security, HttpHeaders headers, Action action) {
        MeasuredSettings settings = activeSettings.get();
        String acceptEncoding = joined(headers, HttpHeaders.ACCEPT_ENCODING);
        Optional<ContentCoding> coding = ContentCoding.choose(acceptEncoding);
        Reply reply;
        try {
            reply = new AccessCheck(settings.endpointRole())
                    .check(security.getUserPrincipal() != null, security::isUserInRole)
                    .orElse(null);
            if (reply == null && coding.isEmpty()) {
                reply = Reply.error(406, "Accept-Encoding '" + QueryParameters.shown(acceptEncoding)
                        + "' accepts no content coding this endpoint writes; it writes " + ContentCoding.SUPPORTED);
            }
            if (reply == null) {
                reply = action.run(new MetricsEndpoint(buffer, settings, metricsPath(uri)));
            }
        } catch (BadRequestException e) {
            reply = Reply.error(400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "measured: the metrics endpoint failed", e);
            reply = Reply.error(500, "the metrics endpoint failed; see the server log");
        }
        return toResponse(reply, coding.orElse(ContentCoding.IDENTITY));
    }

    /** A request header's values (repeated headers included) as one list, or null without any. */
    private static String joined(HttpHeaders headers, String name) {
        List<String> values = headers.getRequestHeader(name);
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    /** The path of this resource as the client sees it, such as {@code /app/api/metrics}. */
    private static String metricsPath(UriInfo uri) {
        String base = uri.getBaseUri().getRawPath();
        return (base.endsWith("/") ? base : base + "/") + "metrics";
    }

    /**
     * Every body is streamed, in the coding chosen; {@code Vary} tells caches that the coding
     * depends on {@code Accept-Encoding}.
     */
    private Response toResponse(Reply reply, ContentCoding coding) {
        Response.ResponseBuilder builder = Response.status(reply.status());
        if (reply.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"measured\"");
        }
        if (reply.isJson() && !json.available()) {
            // Before any status is sent: a server without JSON-B answers what to add, not a broken 200.
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.TEXT_PLAIN_TYPE + ";charset=UTF-8")
                    .entity("measured: " + json.absence() + "\n").header("Cache-Control", "no-store").build();
        }
        if (reply.isJson()) {
            builder.type(MediaType.APPLICATION_JSON_TYPE).entity(reply.body(json, coding));
        } else if (reply.hasBody()) {
            builder.header(HttpHeaders.CONTENT_TYPE, reply.contentType()).entity(reply.body(json, coding));
            if (reply.contentType().startsWith("text/html")) {
                builder.header("Content-Security-Policy", Dashboard.CONTENT_SECURITY_POLICY)
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Referrer-Policy", "no-referrer");
            }
        }
        return builder.header("Cache-Control", "no-store").header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
    }
}
