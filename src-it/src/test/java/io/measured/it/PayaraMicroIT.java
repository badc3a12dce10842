package io.measured.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Payara Micro 6 (Jakarta EE 10)")
class PayaraMicroIT extends EeServerContract implements DashboardContract, DriverUrlContract {

    @Override
    ServerProcess newServer() {
        return new PayaraMicroServer();
    }

    @Override
    public String serverKey() {
        return "payara-micro";
    }
}
