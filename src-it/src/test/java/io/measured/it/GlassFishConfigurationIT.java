package io.measured.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("GlassFish 8: configuration")
class GlassFishConfigurationIT extends ConfigurationContract {

    @Override
    ServerProcess newServer() {
        return GlassFishServer.glassFish8();
    }
}
