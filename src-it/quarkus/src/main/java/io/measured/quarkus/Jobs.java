package io.measured.quarkus;

import io.measured.Measured;
import io.measured.OperationType;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Bound at class level (type SERVICE by default), with one method bound on its own: the method's
 * binding wins. Its work ends in every way a call can: a value, an exception, a stage completed
 * later, a Mutiny {@code Uni}.
 */
@ApplicationScoped
@Measured
public class Jobs {

    private volatile boolean ready;

    @PostConstruct
    void prepare() {
        ready = true;
    }

    public String run(String name) {
        return ready ? "ran " + name : "not ready";
    }

    @Measured(type = OperationType.RENDER, name = "job summary")
    public String summary() {
        return "summary";
    }

    public String fail() {
        throw new JobFailedException("the job failed on purpose");
    }

    /** Completes {@code millis} later, on another thread. */
    public CompletionStage<String> later(int millis) {
        return CompletableFuture.supplyAsync(() -> "done after " + millis + " ms",
                CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
    }

    /** A lazy Uni whose item comes {@code millis} after subscription. */
    public Uni<String> lazily(int millis) {
        return Uni.createFrom().item("done after " + millis + " ms").onItem().delayIt().by(Duration.ofMillis(millis));
    }
}
