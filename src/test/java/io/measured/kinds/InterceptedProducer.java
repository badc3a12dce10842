package io.measured.kinds;

import io.measured.Measured;
import io.measured.OperationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InterceptionFactory;

/** Produces a {@link PlainRepository} bound with {@link Measured.Literal}, as {@code Measured}'s javadoc shows. */
@ApplicationScoped
public class InterceptedProducer {

    @Produces
    @ApplicationScoped
    PlainRepository repository(InterceptionFactory<PlainRepository> factory) {
        factory.configure().add(Measured.Literal.of(OperationType.DATABASE));
        return factory.createInterceptedInstance(new PlainRepository());
    }
}
