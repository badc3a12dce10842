package io.measured.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Open Liberty 26 (Jakarta EE 10 Web Profile)")
class OpenLibertyIT extends DemoContract {

    @Override
    ServerProcess newServer() {
        return new OpenLibertyServer();
    }
}
