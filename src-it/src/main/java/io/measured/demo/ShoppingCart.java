package io.measured.demo;

import io.measured.Measured;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A session-scoped (passivating) bean bound at class level: its methods and its @PostConstruct are timed. */
@SessionScoped
@Measured
public class ShoppingCart implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> items = new ArrayList<>();

    @PostConstruct
    void open() {
        items.clear();
    }

    public int add(String item) {
        items.add(item);
        return items.size();
    }
}
