package io.measured.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Payara Micro 6: configuration")
class PayaraMicroConfigurationIT extends ConfigurationContract {

    @Override
    ServerProcess newServer() {
        return new PayaraMicroServer();
    }
}
