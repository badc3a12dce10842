package io.measured.bench;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** The application's OpenTelemetry as MicroProfile Telemetry runtimes offer it: a CDI bean ({@link Peers#OTEL}). */
@Dependent
public class OtelProducer {

    @Produces
    OpenTelemetry openTelemetry() {
        return Peers.OTEL;
    }
}
