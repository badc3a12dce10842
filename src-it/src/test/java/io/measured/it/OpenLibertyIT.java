package io.measured.it;

import org.junit.jupiter.api.DisplayName;

/**
 * Not {@link SqlContract}: Open Liberty loads the class of an application's data source definition
 * only from a library (see {@link OpenLibertyServer}), so the measured jar is there and in the WAR,
 * two bean archives holding the library's beans, each with its own buffer; the data source Liberty
 * builds resolves the library archive's, not the one the endpoints read. The demo's SQL runs (JPA
 * and JDBC work, as these tests show) but is not counted where the endpoints look. A
 * {@code MeasuredDataSource} built in the application's own code records there (tried by hand).
 */
@DisplayName("Open Liberty 26 (Jakarta EE 10 Web Profile)")
class OpenLibertyIT extends DemoContract {

    @Override
    ServerProcess newServer() {
        return new OpenLibertyServer();
    }
}
