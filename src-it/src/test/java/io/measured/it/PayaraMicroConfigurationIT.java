package io.measured.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Payara Micro 6: configuration, and the dashboard of a 5-entry buffer")
class PayaraMicroConfigurationIT extends ConfigurationContract implements DashboardContract {

    @Override
    ServerProcess newServer() {
        return new PayaraMicroServer();
    }

    @Override
    public String serverKey() {
        return "payara-micro-buffer-5";
    }
}
