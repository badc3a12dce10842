package io.measured.quarkus;

import jakarta.enterprise.context.ApplicationScoped;

/** Bound through its stereotype only. */
@ApplicationScoped
@Report
public class Reports {

    public String monthly() {
        return "monthly report";
    }
}
