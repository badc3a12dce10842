package io.measured.demo;

import io.measured.MetricsBuffer;
import io.measured.OperationType;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Many distinct operations at once, recorded by hand into the application's buffer, so a test can
 * scrape an application with as many operations as {@code measured.operations.max} allows.
 * Operations {@code from .. to - 1} get 8 calls each, spread over every histogram bucket, over the
 * four types; every fifth operation has one error.
 */
@Path("synthetic")
public class SyntheticOperationsResource {

    static final int MOST = 200_000;
    private static final int CALLS = 8;

    @Inject
    MetricsBuffer buffer;

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String record(@QueryParam("from") int from, @QueryParam("to") int to) {
        if (from < 0 || to <= from || to > MOST) {
            throw new BadRequestException("need 0 <= from < to <= " + MOST + ", got from=" + from + ", to=" + to);
        }
        OperationType[] types = OperationType.values();
        for (int i = from; i < to; i++) {
            String name = "OrderService.placeOrderWithCoupon" + i;
            for (int call = 0; call < CALLS; call++) {
                double ms = ((i * 7L + call * 1_301L) % 40_000) / 10.0;
                buffer.record(types[i % types.length], name, ms,
                        call == 0 && i % 5 == 0 ? Map.of("outcome", "error") : Map.of());
            }
        }
        return Integer.toString(to - from);
    }
}
