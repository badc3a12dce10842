package io.measured.it;

import org.junit.jupiter.api.DisplayName;

/**
 * Not {@link SqlContract}: Open Liberty loads the class of an application's data source definition
 * only from a library (see {@link OpenLibertyServer}), so the measured jar is there and in the WAR,
 * and Liberty starts the library's beans apart from the application's (the library's CDI extension
 * validates its deployment twice, and two distinct buffers answer): the data source Liberty builds
 * records into the other buffer, not the one the endpoints read. The demo's SQL runs (JPA and JDBC
 * work, as these tests show) but is not counted where the endpoints look. Neither a WAR without
 * the jar (the library's JAX-RS resources are then not found) nor keeping one bean per class
 * changed that. A {@code MeasuredDataSource} built in the application's own code records there.
 */
@DisplayName("Open Liberty 26 (Jakarta EE 10 Web Profile)")
class OpenLibertyIT extends DemoContract {

    @Override
    ServerProcess newServer() {
        return new OpenLibertyServer();
    }
}
