package io.measured.demo;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * The data source {@link DemoDataSource} defines, as a bean, for beans that inject it (EE servers only).
 * A producer method over an injected resource, not a resource producer field: Open Liberty 26 fails
 * the deployment on {@code @Produces @Resource(lookup = ...)} (a NullPointerException while it
 * validates the lookup).
 */
@Dependent
public class DemoDataSourceProducer {

    @Resource(lookup = "java:app/jdbc/demo")
    DataSource demo;

    @Produces
    DataSource demo() {
        return demo;
    }
}
