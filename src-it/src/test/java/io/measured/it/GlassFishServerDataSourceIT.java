package io.measured.it;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

@DisplayName("GlassFish 8: data sources the server defines, with measured and H2 in the domain's lib")
class GlassFishServerDataSourceIT extends ServerDataSourceContract {

    @Override
    ServerProcess newServer(Map<String, Path> wars) {
        return GlassFishDataSources.glassFish8(wars);
    }

    @Override
    String jndiName(boolean xa) {
        return xa ? GlassFishDataSources.XA : GlassFishDataSources.POOLED;
    }
}
