package io.measured.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Payara Micro 7 (Jakarta EE 11)")
class PayaraMicro7IT extends EeServerContract implements DriverUrlContract {

    @Override
    ServerProcess newServer() {
        return PayaraMicroServer.seven();
    }
}
