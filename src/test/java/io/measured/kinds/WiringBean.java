package io.measured.kinds;

import io.measured.Measured;
import io.measured.OperationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.util.concurrent.atomic.AtomicInteger;

/** A class-bound bean that also produces and disposes of beans, as Faces backing code often does. */
@ApplicationScoped
@Measured(type = OperationType.SERVICE)
public class WiringBean {

    /** A value the producers make, each instance with its own number. */
    public record Greeting(String text) {
    }

    /** A value the method-bound producer makes. */
    public record Farewell(String text) {
    }

    private final AtomicInteger disposed = new AtomicInteger();

    @Produces
    @Dependent
    @Named("greeting")
    Greeting greeting() {
        return new Greeting("hello");
    }

    void dispose(@Disposes Greeting greeting) {
        disposed.incrementAndGet();
    }

    @Produces
    @Dependent
    @Measured(name = "WiringBean.farewell")
    Farewell farewell() {
        return new Farewell("bye");
    }

    public String work() {
        return "worked";
    }

    public int disposedCount() {
        return disposed.get();
    }
}
