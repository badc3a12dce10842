package io.measured.demo;

import io.measured.Measured;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A startup singleton with a schedule, like an upload-directory scanner: its @PostConstruct runs at
 * deployment and its timer every second. It stops its timer after {@value #TICKS} ticks so that the
 * demo's later metrics are not mixed with ticks.
 */
@Singleton
@Startup
@Measured
public class Ticker {

    static final int TICKS = 3;

    private final AtomicInteger ticks = new AtomicInteger();

    @PostConstruct
    void start() {
        ticks.set(0);
    }

    @Schedule(second = "*/1", minute = "*", hour = "*", persistent = false)
    void tick(Timer timer) {
        if (ticks.incrementAndGet() >= TICKS) {
            timer.cancel();
        }
    }
}
