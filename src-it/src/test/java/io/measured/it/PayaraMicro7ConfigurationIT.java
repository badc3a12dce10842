package io.measured.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Payara Micro 7: configuration")
class PayaraMicro7ConfigurationIT extends ConfigurationContract {

    @Override
    ServerProcess newServer() {
        return PayaraMicroServer.seven();
    }
}
