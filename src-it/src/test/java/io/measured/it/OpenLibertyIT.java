package io.measured.it;

import org.junit.jupiter.api.DisplayName;

/**
 * Not {@link SqlContract}: Open Liberty loads the class of an application's data source definition
 * only from a library (see {@link OpenLibertyServer}), and the data source it builds from there
 * finds, through {@code CDI.current()}, a buffer that is not the application's, so the demo's SQL
 * runs (JPA and JDBC work, as these tests show) but is not recorded where the endpoints read.
 * A {@code MeasuredDataSource} built in the application's own code did record there (tried by hand).
 */
@DisplayName("Open Liberty 26 (Jakarta EE 10 Web Profile)")
class OpenLibertyIT extends DemoContract {

    @Override
    ServerProcess newServer() {
        return new OpenLibertyServer();
    }
}
