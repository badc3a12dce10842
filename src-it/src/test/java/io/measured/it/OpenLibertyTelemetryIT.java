package io.measured.it;

import org.junit.jupiter.api.DisplayName;

/**
 * Open Liberty 26 with {@code mpTelemetry-2.0} and the OpenTelemetry API made visible to the demo
 * ({@code apiTypeVisibility="+third-party"}), exporting to the test's OTLP receiver.
 */
@DisplayName("Open Liberty 26 with MicroProfile Telemetry 2.0")
class OpenLibertyTelemetryIT extends TelemetryContract {

    OpenLibertyTelemetryIT() {
        super(true, true);
    }

    @Override
    ServerProcess newServer() {
        return TelemetryServers.openLiberty(true);
    }
}
