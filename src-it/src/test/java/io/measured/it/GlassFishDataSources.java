package io.measured.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A server of the GlassFish family (Payara Server 6, GlassFish 8) with data sources it defines,
 * set up as README's recipe says, by {@code asadmin} on the running domain (no restart, no
 * application deployed first): {@code add-library} puts measured (and on GlassFish, which has
 * none, the H2 jar) into the domain's {@code lib}, then a pool of each kind on
 * {@code MeasuredDataSource} around H2's {@code JdbcDataSource} (connection-pool and XA), a JDBC
 * resource for each, and a ping. Then the given WARs are deployed, each at {@code /<name>/}; they
 * keep their own copy of measured, which the domain's, loaded first, stands in for.
 */
final class GlassFishDataSources extends ServerProcess {

    static final String POOLED = "jdbc/measured";
    static final String XA = "jdbc/measuredXa";

    private final String name;
    private final String homeProperty;
    private final int minimumJava;
    private final boolean hasH2;
    private final Map<String, Path> wars;
    private Path domain;

    private GlassFishDataSources(String name, String homeProperty, int minimumJava, boolean hasH2, Map<String, Path> wars) {
        this.name = name;
        this.homeProperty = homeProperty;
        this.minimumJava = minimumJava;
        this.hasH2 = hasH2;
        this.wars = wars;
    }

    static GlassFishDataSources glassFish8(Map<String, Path> wars) {
        return new GlassFishDataSources("GlassFish 8", "glassfish.home", 21, false, wars);
    }

    /** Payara Server ships H2 (for its default data source), so only measured is added. */
    static GlassFishDataSources payaraServer6(Map<String, Path> wars) {
        return new GlassFishDataSources("Payara Server 6", "payara.server.home", 17, true, wars);
    }

    @Override
    String name() {
        return name + " with server data sources";
    }

    @Override
    Deployment start(Map<String, String> systemProperties) throws IOException, InterruptedException {
        Path home = requiredPath(homeProperty);
        Path javaHome = Jdks.required(minimumJava, name);
        Path work = workDirectory(name.toLowerCase(Locale.ROOT).replace(' ', '-') + "-datasources");
        Map<String, String> environment = Map.of("JAVA_HOME", javaHome.toString(), "AS_JAVA", javaHome.toString());
        int portBase = GlassFishServer.freePortBase(name);
        String asadmin = home.resolve("bin/asadmin").toString();
        GlassFishServer.run(environment, work, asadmin, "--interactive=false", "create-domain", "--nopassword",
                "--domaindir", work.resolve("domains").toString(), "--portbase", Integer.toString(portBase), "demo");
        domain = work.resolve("domains/demo");
        home.resolve("bin/startserv").toFile().setExecutable(true);
        URI root = URI.create("http://127.0.0.1:" + (portBase + 80) + "/");
        Deployment booted = launchOnceMoreIfBootHangs(() -> {
            launch(List.of(home.resolve("bin/startserv").toString(), "--domaindir", work.resolve("domains").toString(),
                    "demo"), work, environment);
            return pollDeployment(root, () -> serverLog().contains(GlassFishServer.BOOTED) ? new Deployment(true, root, null)
                    : null);
        }, GlassFishServer.BOOTED, this::serverLog);
        if (!booted.deployed()) {
            return booted;
        }
        Path jars = Files.createDirectories(work.resolve("jdbc"));
        copyJdbcJars(requiredPath("demo.war"), jars);
        for (List<String> step : recipe(jars)) {
            asadmin(environment, work, asadmin, portBase, step);
        }
        for (Map.Entry<String, Path> war : wars.entrySet()) {
            asadmin(environment, work, asadmin, portBase, List.of("deploy", "--name", war.getKey(),
                    "--contextroot", "/" + war.getKey(), war.getValue().toString()));
        }
        return new Deployment(true, root, null);
    }

    /** README's recipe, as asadmin's arguments. */
    private List<List<String>> recipe(Path jars) throws IOException {
        List<String> addLibrary = new ArrayList<>(List.of("add-library", WildFlyDataSources.measuredJar(jars).toString()));
        if (!hasH2) {
            try (var h2 = Files.list(jars)) {
                h2.filter(jar -> jar.getFileName().toString().startsWith("h2-")).forEach(jar -> addLibrary.add(jar.toString()));
            }
        }
        return List.of(addLibrary,
                pool("MeasuredPool", "javax.sql.ConnectionPoolDataSource", "measured-pooled"),
                List.of("create-jdbc-resource", "--connectionpoolid", "MeasuredPool", POOLED),
                List.of("ping-connection-pool", "MeasuredPool"),
                pool("MeasuredXaPool", "javax.sql.XADataSource", "measured-xa"),
                List.of("create-jdbc-resource", "--connectionpoolid", "MeasuredXaPool", XA),
                List.of("ping-connection-pool", "MeasuredXaPool"));
    }

    private static List<String> pool(String name, String type, String database) {
        return List.of("create-jdbc-connection-pool", "--datasourceclassname", "io.measured.jdbc.MeasuredDataSource",
                "--restype", type, "--property", "measuredTarget=org.h2.jdbcx.JdbcDataSource:URL=jdbc\\:h2\\:mem\\:"
                        + database + "\\;DB_CLOSE_DELAY\\=-1:user=sa:password=sa", name);
    }

    private static void asadmin(Map<String, String> environment, Path work, String asadmin, int portBase, List<String> step)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(asadmin, "--port", Integer.toString(portBase + 48)));
        command.addAll(step);
        GlassFishServer.run(environment, work, command.toArray(new String[0]));
    }

    /** The console output and the domain's server.log. */
    @Override
    String log() {
        return super.log() + "\n--- server.log ---\n" + serverLog();
    }

    private String serverLog() {
        Path serverLog = domain == null ? null : domain.resolve("logs/server.log");
        try {
            return serverLog == null || !Files.exists(serverLog) ? "" : Files.readString(serverLog);
        } catch (IOException e) {
            return "(server.log unreadable: " + e + ")";
        }
    }
}
