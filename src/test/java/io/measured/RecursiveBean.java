package io.measured;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** A measured bean that calls itself through its own proxy until the stack overflows. */
@ApplicationScoped
@Measured
public class RecursiveBean {

    @Inject
    RecursiveBean self;

    /** Returns how deep the calls went before the stack overflowed; the overflow stops there. */
    public int depth() {
        try {
            return self.depth() + 1;
        } catch (StackOverflowError deepest) {
            return 0;
        }
    }

    /** Lets the overflow go up to the caller; the first frame that sees it notes it in {@code seen}. */
    public void overflow(List<Throwable> seen) {
        try {
            self.overflow(seen);
        } catch (StackOverflowError overflow) {
            if (seen.isEmpty()) {
                seen.add(overflow);
            }
            throw overflow;
        }
    }
}
