package io.measured.kinds;

import io.measured.Measured;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A session-scoped page bean, a passivating scope: it and its interceptor must survive serialization. */
@SessionScoped
@Measured
public class CartBean implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> items = new ArrayList<>();

    public int add(String item) {
        items.add(item);
        return items.size();
    }
}
