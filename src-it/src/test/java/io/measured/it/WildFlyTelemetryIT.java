package io.measured.it;

import org.junit.jupiter.api.DisplayName;

/**
 * WildFly 39 with its {@code opentelemetry} and {@code microprofile-telemetry} subsystems,
 * exporting to the test's OTLP receiver. WildFly measures requests itself; its server span starts
 * in JAX-RS (SmallRye OpenTelemetry's request filter), after the servlet filters have run, and the
 * library's late JAX-RS filter hands it to the HTTP record of the request.
 */
@DisplayName("WildFly 39 with MicroProfile Telemetry 2.0")
class WildFlyTelemetryIT extends TelemetryContract {

    WildFlyTelemetryIT() {
        super(true);
    }

    @Override
    ServerProcess newServer() {
        return TelemetryServers.wildFly();
    }
}
