package io.measured.kinds;

import io.measured.Measured;
import io.measured.OperationType;

/** A superclass whose method-level binding an override in a subclass must not take. */
public abstract class MethodBoundBase {

    @Measured(type = OperationType.HTTP, name = "base fetch")
    public String fetch() {
        return "base";
    }

    @Measured(type = OperationType.HTTP, name = "base kept")
    public String kept() {
        return "kept";
    }
}
