package io.measured.demo;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The demo's own data source, {@code java:app/jdbc/demo}: {@code MeasuredDataSource} wrapped around
 * H2's (packaged in the WAR), which {@link CommentStore} and {@link NoteRepository} use through
 * plain JDBC and the {@code demo} persistence unit through JPA. Declared on a session bean of its
 * own because servers read {@code @DataSourceDefinition} from component classes such as session
 * beans, and so that the tests of data sources the server defines can leave this class out and
 * bind {@code java:app/jdbc/demo} to the server's data source instead (a {@code resource-ref} in
 * {@code web.xml}): the rest of the demo stays as it is.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/demo",
        className = "io.measured.jdbc.MeasuredDataSource",
        url = "jdbc:h2:mem:measured-demo;DB_CLOSE_DELAY=-1",
        user = "sa",
        password = "sa",
        properties = {"measuredTarget=org.h2.jdbcx.JdbcDataSource"})
@Singleton
public class DemoDataSource {
}
