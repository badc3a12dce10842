package io.measured.kinds;

import io.measured.Measured;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.Dependent;

/** A bean whose @PostConstruct fails, as one with missing configuration does. */
@Dependent
@Measured
public class FailingStartBean {

    public static final IllegalStateException FAILURE = new IllegalStateException("no upload directory");

    @PostConstruct
    void start() {
        throw FAILURE;
    }

    public void work() {
    }
}
