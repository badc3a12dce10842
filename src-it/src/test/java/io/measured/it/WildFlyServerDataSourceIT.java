package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WildFly 39: data sources the server defines, with measured as a module")
class WildFlyServerDataSourceIT extends ServerDataSourceContract {

    private WildFlyDataSources server;

    @Override
    ServerProcess newServer(Map<String, Path> wars) {
        server = new WildFlyDataSources(wars);
        return server;
    }

    @Override
    String jndiName(boolean xa) {
        return xa ? WildFlyDataSources.XA : WildFlyDataSources.POOLED;
    }

    /**
     * The driver of the module, which WildFly's datasources subsystem installs (the copies in the
     * WARs, which WildFly installs as deployment drivers, see no database driver to vouch for).
     */
    @Test
    @DisplayName("the module's measured driver is installed as JDBC-compliant, as H2's driver it hands URLs to is")
    void theModulesDriverIsCompliant() {
        List<String> installed = server.log().lines()
                .filter(line -> line.contains("[org.jboss.as.connector.subsystems.datasources]")
                        && line.contains("driver class io.measured.jdbc.MeasuredDriver"))
                .toList();
        assertThat(installed).hasSize(1);
        assertThat(installed.get(0)).contains("WFLYJCA0004: Deploying JDBC-compliant driver class");
    }
}
