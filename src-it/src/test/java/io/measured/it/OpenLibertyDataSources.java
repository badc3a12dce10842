package io.measured.it;

import java.nio.file.Path;
import java.util.Map;

/**
 * Open Liberty with data sources it defines, set up as README's recipe says, in {@code server.xml}:
 * a library holding the measured and H2 jars, a JDBC driver on it whose connection-pool and XA
 * classes are {@code MeasuredDataSource}, and a data source of each type on it around H2's
 * {@code JdbcDataSource}; the given WARs as web applications at {@code /<name>/}, with no shared
 * library of their own. The library's copy of measured records into each application's copy.
 */
final class OpenLibertyDataSources {

    static final String POOLED = "jdbc/measured";
    static final String XA = "jdbc/measuredXa";

    private static final String RECIPE = """
                <library id="measuredJdbc">
                    <fileset dir="${jdbc.dir}" includes="measured-*.jar h2-*.jar"/>
                </library>
                <jdbcDriver id="measuredH2" libraryRef="measuredJdbc"
                            javax.sql.ConnectionPoolDataSource="io.measured.jdbc.MeasuredDataSource"
                            javax.sql.XADataSource="io.measured.jdbc.MeasuredDataSource"/>
                <dataSource id="measured" jndiName="jdbc/measured" jdbcDriverRef="measuredH2"
                            type="javax.sql.ConnectionPoolDataSource">
                    <properties measuredTarget="org.h2.jdbcx.JdbcDataSource"
                                URL="jdbc:h2:mem:measured-pooled;DB_CLOSE_DELAY=-1" user="sa" password="sa"/>
                </dataSource>
                <dataSource id="measuredXa" jndiName="jdbc/measuredXa" jdbcDriverRef="measuredH2"
                            type="javax.sql.XADataSource">
                    <properties measuredTarget="org.h2.jdbcx.JdbcDataSource"
                                URL="jdbc:h2:mem:measured-xa;DB_CLOSE_DELAY=-1" user="sa" password="sa"/>
                </dataSource>
            """;

    private OpenLibertyDataSources() {
    }

    /** The server with both data sources and the given WARs, by name. */
    static OpenLibertyServer server(Map<String, Path> wars) {
        StringBuilder configuration = new StringBuilder(RECIPE);
        wars.forEach((name, war) -> configuration.append("    <webApplication id=\"").append(name)
                .append("\" location=\"").append(war.toAbsolutePath()).append("\" contextRoot=\"/").append(name)
                .append("\"/>\n"));
        return new OpenLibertyServer(configuration.toString(), wars.size());
    }
}
