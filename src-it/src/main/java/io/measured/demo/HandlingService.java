package io.measured.demo;

import io.measured.Measured;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import java.util.concurrent.Future;

/** A stateless session bean: a plain business method and an asynchronous one, timed until its work completes. */
@Stateless
@Measured
public class HandlingService {

    public String register(String event) {
        if (event.isBlank()) {
            throw new IllegalArgumentException("event must not be blank");
        }
        return "registered " + event;
    }

    @Asynchronous
    public Future<Integer> inspect(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new AsyncResult<>(millis);
    }
}
