package io.measured.demo;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Calls into each kind of bean the demo has, so tests can see each one timed. */
@Path("beans")
@Produces(MediaType.TEXT_PLAIN)
public class BeanKindsResource {

    @Inject
    ShoppingCart cart;

    @Inject
    Basket basket;

    @EJB
    HandlingService handling;

    @Inject
    RequestLog log;

    @POST
    @Path("cart")
    public String addToCart() {
        log.add("cart");
        return Integer.toString(cart.add("item"));
    }

    @POST
    @Path("basket")
    public String addToBasket() {
        return Integer.toString(basket.add());
    }

    @POST
    @Path("handling")
    public String register(@QueryParam("event") String event) {
        if (event == null) {
            throw new BadRequestException("event is required");
        }
        return handling.register(event);
    }

    /** Starts the asynchronous inspection and answers at once, without waiting for it. */
    @POST
    @Path("inspection")
    public String inspect(@QueryParam("ms") int millis) {
        if (millis < 0 || millis > 2000) {
            throw new BadRequestException("ms must be within 0 .. 2000");
        }
        handling.inspect(millis);
        return "started";
    }
}
