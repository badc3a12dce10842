package io.measured.demo;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/** The data source {@link CommentStore} defines, as a bean, for beans that inject it (EE servers only). */
@Dependent
public class DemoDataSource {

    @Produces
    @Resource(lookup = "java:app/jdbc/demo")
    DataSource demo;
}
