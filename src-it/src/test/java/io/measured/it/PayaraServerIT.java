package io.measured.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Payara Server 6 (Jakarta EE 10)")
class PayaraServerIT extends EeServerContract implements DriverUrlContract {

    @Override
    ServerProcess newServer() {
        return GlassFishServer.payaraServer6();
    }
}
