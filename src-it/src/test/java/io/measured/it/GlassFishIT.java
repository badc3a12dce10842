package io.measured.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("GlassFish 8 (Jakarta EE 11)")
class GlassFishIT extends EeServerContract implements DriverUrlContract {

    @Override
    ServerProcess newServer() {
        return GlassFishServer.glassFish8();
    }
}
