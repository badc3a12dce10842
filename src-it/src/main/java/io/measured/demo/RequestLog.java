package io.measured.demo;

import io.measured.Measured;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;

/** A request-scoped bean whose @PreDestroy runs when the request ends. */
@RequestScoped
@Measured
public class RequestLog {

    private final List<String> lines = new ArrayList<>();

    public void add(String line) {
        lines.add(line);
    }

    @PreDestroy
    void flush() {
        lines.clear();
    }
}
