package io.measured.quarkus;

import io.measured.Measured;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Quarkus scheduled job on a bean bound at class level, like the EE demo's {@code @Schedule}
 * timer: it runs every second and pauses itself after {@value #TICKS} ticks, so the demo's later
 * metrics are not mixed with ticks. Each tick is timed as {@code Ticker.tick}.
 */
@ApplicationScoped
@Measured
public class Ticker {

    static final int TICKS = 3;
    private static final String IDENTITY = "ticker";

    @Inject
    Scheduler scheduler;

    private final AtomicInteger ticks = new AtomicInteger();

    @Scheduled(identity = IDENTITY, every = "1s")
    void tick() {
        if (ticks.incrementAndGet() >= TICKS) {
            scheduler.pause(IDENTITY);
        }
    }
}
