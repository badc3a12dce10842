package io.measured.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Open Liberty 26: configuration")
class OpenLibertyConfigurationIT extends ConfigurationContract {

    @Override
    ServerProcess newServer() {
        return new OpenLibertyServer();
    }
}
