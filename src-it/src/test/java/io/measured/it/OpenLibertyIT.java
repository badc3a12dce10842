package io.measured.it;

import org.junit.jupiter.api.DisplayName;

/**
 * Open Liberty loads the class of an application's data source definition only from a library
 * (see {@link OpenLibertyServer}), so the measured jar is there as well as in the WAR: the data
 * source Liberty builds is the library's copy, which records into the buffer of the WAR's copy,
 * the one the endpoints read.
 */
@DisplayName("Open Liberty 26 (Jakarta EE 10 Web Profile)")
class OpenLibertyIT extends EeServerContract implements DriverUrlContract {

    @Override
    ServerProcess newServer() {
        return new OpenLibertyServer();
    }
}
