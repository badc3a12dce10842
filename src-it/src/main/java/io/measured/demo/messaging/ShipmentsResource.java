package io.measured.demo.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Sends a shipment event to the queue {@link ShipmentListener} listens on. */
@Path("shipments")
@RequestScoped
public class ShipmentsResource {

    @Inject
    JMSContext jms;

    @Resource(lookup = ShipmentListener.QUEUE)
    jakarta.jms.Queue queue;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public Response send(String event) {
        jms.createProducer().send(queue, event);
        return Response.accepted().build();
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String received() {
        return String.join("\n", ShipmentListener.RECEIVED);
    }
}
