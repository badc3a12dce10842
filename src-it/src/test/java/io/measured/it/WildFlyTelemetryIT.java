package io.measured.it;

import org.junit.jupiter.api.DisplayName;

/**
 * WildFly 39 with its {@code opentelemetry} and {@code microprofile-telemetry} subsystems,
 * exporting to the test's OTLP receiver.
 */
@DisplayName("WildFly 39 with MicroProfile Telemetry 2.0")
class WildFlyTelemetryIT extends TelemetryContract {

    WildFlyTelemetryIT() {
        super(true, true);
    }

    @Override
    ServerProcess newServer() {
        return TelemetryServers.wildFly();
    }
}
