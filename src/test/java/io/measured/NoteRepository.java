package io.measured;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A fixture bean measured at class level, with one method-level override. */
@ApplicationScoped
@Measured(type = OperationType.DATABASE)
public class NoteRepository {

    public List<String> findAll() {
        return List.of("a", "b");
    }

    @Measured(type = OperationType.RENDER, name = "note page")
    public String render(String note) {
        return "<p>" + note + "</p>";
    }

    public String failWith(RuntimeException failure) {
        throw failure;
    }

    public void failChecked() throws java.io.IOException {
        throw new java.io.IOException("disk gone");
    }

    public CompletionStage<String> later(CompletableFuture<String> completion) {
        return completion;
    }

    public void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
