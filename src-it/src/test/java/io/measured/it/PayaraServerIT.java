package io.measured.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Payara Server 6 (Jakarta EE 10)")
class PayaraServerIT extends EeServerContract implements SqlContract {

    @Override
    ServerProcess newServer() {
        return GlassFishServer.payaraServer6();
    }
}
