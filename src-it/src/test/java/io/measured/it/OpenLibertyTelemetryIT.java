package io.measured.it;

import org.junit.jupiter.api.DisplayName;

/**
 * Open Liberty 26 with {@code mpTelemetry-2.0} and the OpenTelemetry API made visible to the demo
 * ({@code apiTypeVisibility="+third-party"}), exporting to the test's OTLP receiver. Liberty
 * measures requests itself; its server span is not yet current when the servlet filter the library
 * contributes runs, so the HTTP record of a request carries no trace id while the records made
 * inside it (the data source's, from the common library's copy of the jar, too) do.
 */
@DisplayName("Open Liberty 26 with MicroProfile Telemetry 2.0")
class OpenLibertyTelemetryIT extends TelemetryContract {

    OpenLibertyTelemetryIT() {
        super(true, false);
    }

    @Override
    ServerProcess newServer() {
        return TelemetryServers.openLiberty(true);
    }
}
