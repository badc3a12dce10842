package io.measured.demo;

import io.measured.Measured;
import io.measured.OperationType;
import jakarta.enterprise.context.ApplicationScoped;

/** Work of a known duration, so tests know which histogram bucket each call lands in. */
@ApplicationScoped
public class Worker {

    @Measured(type = OperationType.RENDER)
    public int pause(int millis) throws InterruptedException {
        Thread.sleep(millis);
        return millis;
    }

    /** A name a page must show as text: markup, an event handler, quotes and an ampersand. */
    @Measured(type = OperationType.RENDER, name = "<img src=x onerror=\"window.measuredXss=1\"> & 'quoted'")
    public String hostile() {
        return "hostile";
    }

    /** A name with every character an exposition format must escape. */
    @Measured(type = OperationType.RENDER, name = "odd \"name\" \\ with\nnewline and ünïcödé")
    public String odd() {
        return "odd";
    }
}
