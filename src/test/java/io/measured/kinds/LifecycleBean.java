package io.measured.kinds;

import io.measured.Measured;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;

/** Bound at class level, with both lifecycle callbacks. */
@Dependent
@Measured
public class LifecycleBean {

    private boolean open;

    @PostConstruct
    void open() {
        open = true;
    }

    public boolean isOpen() {
        return open;
    }

    @PreDestroy
    void close() {
        open = false;
    }
}
