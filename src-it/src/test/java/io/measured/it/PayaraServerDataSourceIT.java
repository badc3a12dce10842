package io.measured.it;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Payara Server 6: data sources the server defines, with measured in the domain's lib")
class PayaraServerDataSourceIT extends ServerDataSourceContract {

    @Override
    ServerProcess newServer(Map<String, Path> wars) {
        return GlassFishDataSources.payaraServer6(wars);
    }

    @Override
    String jndiName(boolean xa) {
        return xa ? GlassFishDataSources.XA : GlassFishDataSources.POOLED;
    }
}
