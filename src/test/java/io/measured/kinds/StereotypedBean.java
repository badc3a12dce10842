package io.measured.kinds;

import jakarta.enterprise.context.ApplicationScoped;

/** Bound only through its stereotype. */
@ApplicationScoped
@Audited
public class StereotypedBean {

    public String page() {
        return "page";
    }
}
