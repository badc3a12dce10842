package io.measured.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo WAR as an application that uses a data source the server defines, found by JNDI name:
 * a copy of {@code demo.war} without its own data source ({@code DemoDataSource}, the class that
 * carries its {@code @DataSourceDefinition}) and without the H2 jar (the server has the driver, as
 * a server's data source needs), whose JPA unit names the server's data source, as its
 * {@code jta-data-source}, and whose {@code web.xml} binds {@code java:app/jdbc/demo}, the name its
 * JDBC code looks up, to it (Payara's JPA takes no such binding for a {@code jta-data-source});
 * served at {@code /<name>/}.
 */
final class ServerDataSourceDemo {

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                     version="6.0">
              <resource-ref>
                <res-ref-name>java:app/jdbc/demo</res-ref-name>
                <res-type>javax.sql.DataSource</res-type>
                <res-auth>Container</res-auth>
                <lookup-name>%s</lookup-name>
              </resource-ref>
            </web-app>
            """;

    private static final String OWN_DATA_SOURCE = "WEB-INF/classes/io/measured/demo/DemoDataSource.class";

    private ServerDataSourceDemo() {
    }

    /**
     * Writes {@code <dir>/<name>.war}.
     *
     * @param name the application's name and context root
     * @param jndiName the server's data source, as the server names it
     */
    static Path war(Path dir, String name, String jndiName) throws IOException {
        Path war = dir.resolve(name + ".war");
        Files.copy(ServerProcess.requiredPath("demo.war"), war);
        try (FileSystem zip = FileSystems.newFileSystem(war)) {
            Files.delete(zip.getPath(OWN_DATA_SOURCE));
            try (Stream<Path> jars = Files.list(zip.getPath("WEB-INF/lib"))) {
                List<Path> h2 = jars.filter(jar -> jar.getFileName().toString().startsWith("h2-")).toList();
                if (h2.size() != 1) {
                    throw new IllegalStateException("expected one H2 jar in the demo's WEB-INF/lib, found " + h2);
                }
                Files.delete(h2.get(0));
            }
            Path webXml = zip.getPath("WEB-INF/web.xml");
            if (Files.exists(webXml)) {
                throw new IllegalStateException("the demo has a web.xml now; merge the resource-ref into it instead");
            }
            Files.writeString(webXml, WEB_XML.formatted(jndiName), StandardCharsets.UTF_8);
            replace(zip.getPath("WEB-INF/classes/META-INF/persistence.xml"), "<jta-data-source>java:app/jdbc/demo<",
                    "<jta-data-source>" + jndiName + "<");
            for (String descriptor : List.of("WEB-INF/jboss-web.xml", "WEB-INF/glassfish-web.xml")) {
                replace(zip.getPath(descriptor), "<context-root>/<", "<context-root>/" + name + "<");
            }
        }
        return war;
    }

    private static void replace(Path file, String text, String replacement) throws IOException {
        String before = Files.readString(file);
        if (!before.contains(text)) {
            throw new IllegalStateException(file + " of the demo no longer holds " + text);
        }
        Files.writeString(file, before.replace(text, replacement), StandardCharsets.UTF_8);
    }
}
