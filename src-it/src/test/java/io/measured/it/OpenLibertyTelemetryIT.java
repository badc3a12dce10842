package io.measured.it;

import org.junit.jupiter.api.DisplayName;

/**
 * Open Liberty 26 with {@code mpTelemetry-2.0} and the OpenTelemetry API made visible to the demo
 * ({@code apiTypeVisibility="+third-party"}), exporting to the test's OTLP receiver. Liberty
 * measures requests itself; its server span is not yet current when the servlet filter the library
 * contributes runs, but is in the library's late JAX-RS filter, which hands it to the HTTP record;
 * the records made inside the request (the data source's, from the common library's copy of the
 * jar, too) carry it as well.
 */
@DisplayName("Open Liberty 26 with MicroProfile Telemetry 2.0")
class OpenLibertyTelemetryIT extends TelemetryContract {

    OpenLibertyTelemetryIT() {
        super(true);
    }

    @Override
    ServerProcess newServer() {
        return TelemetryServers.openLiberty(true);
    }
}
