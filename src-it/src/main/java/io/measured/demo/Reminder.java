package io.measured.demo;

import io.measured.Measured;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;

/** A programmatic timer: one non-persistent single-action timer, set at startup, fires once. */
@Singleton
@Startup
@Measured
public class Reminder {

    @Resource
    TimerService timers;

    @PostConstruct
    void schedule() {
        timers.createSingleActionTimer(500, new TimerConfig("remind once", false));
    }

    @Timeout
    void remind(Timer timer) {
        // the timer fires once; its call is what the test looks for
    }
}
