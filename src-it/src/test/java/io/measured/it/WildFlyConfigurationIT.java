package io.measured.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("WildFly 39: configuration")
class WildFlyConfigurationIT extends ConfigurationContract {

    @Override
    ServerProcess newServer() {
        return new WildFlyServer();
    }
}
