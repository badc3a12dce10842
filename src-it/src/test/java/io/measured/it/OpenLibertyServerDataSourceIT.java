package io.measured.it;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Open Liberty 26: data sources the server defines, with measured in a server library")
class OpenLibertyServerDataSourceIT extends ServerDataSourceContract {

    @Override
    ServerProcess newServer(Map<String, Path> wars) {
        return OpenLibertyDataSources.server(wars);
    }

    @Override
    String jndiName(boolean xa) {
        return xa ? OpenLibertyDataSources.XA : OpenLibertyDataSources.POOLED;
    }
}
