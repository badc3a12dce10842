package io.measured.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("WildFly 39 (Jakarta EE 10 APIs: CDI 4.0, Interceptors 2.1)")
class WildFlyIT extends EeServerContract implements DashboardContract, DriverUrlContract {

    @Override
    ServerProcess newServer() {
        return new WildFlyServer();
    }

    @Override
    public String serverKey() {
        return "wildfly";
    }
}
