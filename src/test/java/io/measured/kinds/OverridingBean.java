package io.measured.kinds;

import io.measured.Measured;
import io.measured.OperationType;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Overrides a method bound in its superclass without annotating the override: the override takes
 * this class's class-level binding. The inherited, not overridden {@code kept} keeps its own.
 */
@ApplicationScoped
@Measured(type = OperationType.DATABASE)
public class OverridingBean extends MethodBoundBase {

    @Override
    public String fetch() {
        return "own";
    }
}
