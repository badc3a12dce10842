package io.measured.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("WildFly 39: configuration, and the dashboard of a 5-entry buffer")
class WildFlyConfigurationIT extends ConfigurationContract implements DashboardContract {

    @Override
    ServerProcess newServer() {
        return new WildFlyServer();
    }

    @Override
    public String serverKey() {
        return "wildfly-buffer-5";
    }
}
