package io.measured.kinds;

import io.measured.Measured;
import io.measured.OperationType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.InputMismatchException;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeoutException;

/** A repository whose "not found" is an exception of normal flow, at class level and overridden at method level. */
@ApplicationScoped
@Measured(type = OperationType.DATABASE, expected = NoSuchElementException.class)
public class ExpectedFailuresBean {

    public String find(RuntimeException outcome) {
        if (outcome != null) {
            throw outcome;
        }
        return "found";
    }

    /** A subclass of the expected class is expected too. */
    public String findMismatch() {
        throw new InputMismatchException("not a number");
    }

    /** The method's own annotation wins whole: here only IllegalStateException is of normal flow. */
    @Measured(type = OperationType.SERVICE, expected = IllegalStateException.class)
    public String decide(RuntimeException outcome) {
        throw outcome;
    }

    /** A checked exception named by measured.errors.expected, which applies to every binding. */
    public String waitFor() throws TimeoutException {
        throw new TimeoutException("configured as normal flow");
    }
}
