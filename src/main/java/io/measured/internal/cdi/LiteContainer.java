package io.measured.internal.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;

/**
 * A bean only where {@link MeasuredLiteExtension} ran: a CDI Lite container such as Quarkus, where
 * no servlet container applies the jar's web fragment, so the JAX-RS layer times requests itself.
 * On EE servers there is no such bean and the web fragment's servlet filter times every request.
 * Stateless.
 */
public final class LiteContainer {

    LiteContainer() {
    }

    /** Makes the one instance; used by the container. */
    public static final class Creator implements SyntheticBeanCreator<LiteContainer> {

        @Override
        public LiteContainer create(Instance<Object> lookup, Parameters params) {
            return new LiteContainer();
        }
    }
}
