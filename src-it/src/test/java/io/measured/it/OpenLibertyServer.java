package io.measured.it;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Open Liberty (Jakarta EE 10 Web Profile plus MicroProfile Config) from Maven Central
 * ({@code io.openliberty:openliberty-runtime}, unpacked by Maven). Each start gets its own user
 * directory holding one server whose {@code server.xml} enables {@code webProfile-10.0} and
 * {@code mpConfig-3.1}, listens on a free loopback port, backs {@code java:comp/DefaultDataSource}
 * with in-memory embedded Derby (Liberty ships no JDBC driver), and holds the configuration of
 * its applications; system properties go to the server's {@code jvm.options}, and the measured and
 * H2 jars of the demo WAR to a directory {@code ${jdbc.dir}} for a library. By default that
 * configuration deploys the demo at "/": Liberty loads the class of an application's
 * {@code @DataSourceDefinition} only from a library the application's class loader names
 * (J2CA8022E otherwise), so the measured and H2 jars the WAR carries are also given to it as a
 * common library (a private one would make its beans a second copy of the WAR's), as a user does;
 * the library's data source records into the WAR's buffer. {@link OpenLibertyDataSources} gives it
 * data sources the server defines instead.
 */
final class OpenLibertyServer extends ServerProcess {

    private static final String SERVER_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <server description="measured demo">
                <featureManager>
                    <feature>webProfile-10.0</feature>
                    <feature>mpConfig-3.1</feature>
                </featureManager>
                <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="${http.port}" httpsPort="-1"/>
                <library id="derby">
                    <fileset dir="${derby.dir}" includes="*.jar"/>
                </library>
                <dataSource id="DefaultDataSource">
                    <jdbcDriver libraryRef="derby"/>
                    <properties.derby.embedded databaseName="memory:demo" createDatabase="create"/>
                </dataSource>
            %s</server>
            """;

    private static final String DEMO = """
                <library id="demoJdbc">
                    <fileset dir="${jdbc.dir}" includes="*.jar"/>
                </library>
                <webApplication id="demo" name="demo" location="${demo.war}" contextRoot="/">
                    <classloader commonLibraryRef="demoJdbc"/>
                </webApplication>
            """;

    private final String configuration;
    private final int applications;
    private Path server;
    private UnaryOperator<String> serverXmlEdit = UnaryOperator.identity();

    /** The demo at "/". */
    OpenLibertyServer() {
        this(DEMO, 1);
    }

    /**
     * @param configuration what {@code server.xml} holds besides the features, the endpoint and the
     *        default data source
     * @param applications how many applications it deploys
     */
    OpenLibertyServer(String configuration, int applications) {
        this.configuration = configuration;
        this.applications = applications;
    }

    /** Changes the server.xml written at start (features, class loading ...); a later call replaces the edit. */
    OpenLibertyServer withServerXmlEdit(UnaryOperator<String> edit) {
        serverXmlEdit = edit;
        return this;
    }

    @Override
    String name() {
        return "Open Liberty";
    }

    @Override
    Deployment start(Map<String, String> systemProperties) throws IOException, InterruptedException {
        Path home = requiredPath("liberty.home");
        Path work = workDirectory("liberty");
        server = Files.createDirectories(work.resolve("usr/servers/demo"));
        int port = Ports.free();
        Files.writeString(server.resolve("server.xml"), serverXmlEdit.apply(SERVER_XML.formatted(configuration)),
                StandardCharsets.UTF_8);
        Path jdbc = Files.createDirectories(work.resolve("jdbc"));
        copyJdbcJars(requiredPath("demo.war"), jdbc);
        Files.writeString(server.resolve("bootstrap.properties"), String.join("\n",
                "jdbc.dir=" + jdbc.toAbsolutePath(),
                "http.port=" + port,
                "derby.dir=" + requiredPath("derby.dir").toAbsolutePath(),
                "demo.war=" + requiredPath("demo.war").toAbsolutePath(),
                ""), StandardCharsets.UTF_8);
        StringBuilder jvmOptions = new StringBuilder();
        systemProperties.forEach((key, value) -> jvmOptions.append("-D").append(key).append('=').append(value).append('\n'));
        Files.writeString(server.resolve("jvm.options"), jvmOptions, StandardCharsets.UTF_8);
        Path script = home.resolve("bin/server");
        script.toFile().setExecutable(true);
        launch(List.of(script.toString(), "run", "demo"), work, Map.of(
                "WLP_USER_DIR", work.resolve("usr").toString(),
                "JAVA_HOME", Path.of(javaExecutable()).getParent().getParent().toString()));
        return awaitDeployment(URI.create("http://127.0.0.1:" + port + "/"));
    }

    /**
     * CWWKZ0002E / CWWKZ0004E: an application failed to start; CWWKZ0001I: one started, and
     * CWWKF0011I: the server (its HTTP endpoint too) is ready.
     */
    private Deployment awaitDeployment(URI base) throws InterruptedException {
        return pollDeployment(base, () -> {
            String log = super.log();
            if (log.contains("CWWKZ0002E") || log.contains("CWWKZ0004E")) {
                return new Deployment(false, base, log);
            }
            long started = log.lines().filter(line -> line.contains("CWWKZ0001I")).count();
            return started >= applications && log.contains("CWWKF0011I") ? new Deployment(true, base, null) : null;
        });
    }

    /** The console output, then messages.log and the first-failure data (FFDC) files, where Liberty puts stack traces. */
    @Override
    String log() {
        StringBuilder log = new StringBuilder(super.log());
        if (server != null) {
            Path logs = server.resolve("logs");
            appendFile(log, logs.resolve("messages.log"));
            if (Files.isDirectory(logs.resolve("ffdc"))) {
                try (java.util.stream.Stream<Path> incidents = Files.list(logs.resolve("ffdc"))) {
                    incidents.sorted().forEach(incident -> appendFile(log, incident));
                } catch (IOException e) {
                    log.append("\n(").append(logs.resolve("ffdc")).append(" unreadable: ").append(e).append(")");
                }
            }
        }
        return log.toString();
    }

    private static void appendFile(StringBuilder log, Path file) {
        try {
            if (Files.exists(file)) {
                log.append("\n--- ").append(file.getFileName()).append(" ---\n").append(Files.readString(file));
            }
        } catch (IOException e) {
            log.append("\n(").append(file).append(" unreadable: ").append(e).append(")");
        }
    }
}
