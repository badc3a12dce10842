package io.measured.kinds;

import io.measured.Measured;
import jakarta.enterprise.context.Dependent;

/** Bound at class level without lifecycle callbacks: nothing of the application's runs at creation, nothing is timed. */
@Dependent
@Measured
public class CallbackFreeBean {

    public String call() {
        return "called";
    }
}
