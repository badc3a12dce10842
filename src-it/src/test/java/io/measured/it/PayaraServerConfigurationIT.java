package io.measured.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Payara Server 6: configuration")
class PayaraServerConfigurationIT extends ConfigurationContract {

    @Override
    ServerProcess newServer() {
        return GlassFishServer.payaraServer6();
    }
}
