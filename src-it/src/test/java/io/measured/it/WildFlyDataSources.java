package io.measured.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * WildFly with data sources it defines, set up as README's recipe says, by {@code jboss-cli} on the
 * running server (no restart, no application deployed first): measured added as a module that
 * depends on the database's module (WildFly's own H2), its driver registered, a data source on a
 * {@code jdbc:measured:} URL and an XA data source on {@code MeasuredDataSource} around H2's
 * {@code JdbcDataSource}. The module goes to a module directory of this run, ahead of the
 * distribution's on the module path. Then the same CLI deploys the given WARs, each at
 * {@code /<name>/} (its {@code jboss-web.xml} says so).
 */
final class WildFlyDataSources extends ServerProcess {

    static final String POOLED = "java:jboss/datasources/MeasuredDS";
    static final String XA = "java:jboss/datasources/MeasuredXaDS";

    /** README's recipe; {@code %1$s} is the measured jar, {@code %2$s} the module directory. */
    private static final String RECIPE = """
            module add --name=io.measured --resources=%1$s --dependencies=java.sql,java.logging,com.h2database.h2 --module-root-dir=%2$s
            /subsystem=datasources/jdbc-driver=measured:add(driver-module-name=io.measured,driver-class-name=io.measured.jdbc.MeasuredDriver,driver-xa-datasource-class-name=io.measured.jdbc.MeasuredDataSource)
            data-source add --name=MeasuredDS --jndi-name=java:jboss/datasources/MeasuredDS --driver-name=measured --connection-url="jdbc:measured:h2:mem:measured-pooled;DB_CLOSE_DELAY=-1" --user-name=sa --password=sa
            xa-data-source add --name=MeasuredXaDS --jndi-name=java:jboss/datasources/MeasuredXaDS --driver-name=measured --user-name=sa --password=sa --xa-datasource-properties={"measuredTarget"=>"org.h2.jdbcx.JdbcDataSource","URL"=>"jdbc:h2:mem:measured-xa;DB_CLOSE_DELAY=-1"}
            /subsystem=datasources/data-source=MeasuredDS:test-connection-in-pool
            /subsystem=datasources/xa-data-source=MeasuredXaDS:test-connection-in-pool
            """;

    private final Map<String, Path> wars;

    /** @param wars the WARs to deploy once the data sources exist, by name */
    WildFlyDataSources(Map<String, Path> wars) {
        this.wars = wars;
    }

    @Override
    String name() {
        return "WildFly with server data sources";
    }

    @Override
    Deployment start(Map<String, String> systemProperties) throws IOException, InterruptedException {
        Path home = requiredPath("wildfly.home");
        Path work = workDirectory("wildfly-datasources");
        Path base = work.resolve("standalone");
        WildFlyServer.copyTree(home.resolve("standalone"), base);
        Path modules = Files.createDirectories(work.resolve("modules"));
        int offset = WildFlyServer.freeOffset();
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone.xml", "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset));
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        home.resolve("bin/standalone.sh").toFile().setExecutable(true);
        launch(command, work, Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS", "-Xmx768m",
                "JBOSS_MODULEPATH", modules + java.io.File.pathSeparator + home.resolve("modules")));
        URI root = URI.create("http://127.0.0.1:" + (8080 + offset) + "/");
        Deployment booted = pollDeployment(root, () -> log().contains("WFLYSRV0025") ? new Deployment(true, root, null)
                : log().contains("WFLYSRV0026") ? new Deployment(false, root, "WildFly started with errors:\n" + log()) : null);
        if (!booted.deployed()) {
            return booted;
        }
        Path jars = Files.createDirectories(work.resolve("jdbc"));
        copyJdbcJars(requiredPath("demo.war"), jars);
        StringBuilder script = new StringBuilder(RECIPE.formatted(measuredJar(jars), modules));
        // one at a time, as the applications share a database whose tables each one's JPA unit drops and creates
        wars.forEach((name, war) -> script.append("deploy ").append(war).append(" --name=").append(name).append(".war\n"));
        Path file = work.resolve("datasources.cli");
        Files.writeString(file, script);
        cli(home, 9990 + offset, file, work);
        return booted;
    }

    static Path measuredJar(Path dir) throws IOException {
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.filter(jar -> jar.getFileName().toString().startsWith("measured-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no measured jar in " + dir));
        }
    }

    private void cli(Path home, int managementPort, Path script, Path work) throws IOException, InterruptedException {
        Path cli = home.resolve("bin/jboss-cli.sh");
        cli.toFile().setExecutable(true);
        ProcessBuilder builder = new ProcessBuilder(cli.toString(), "--connect",
                "--controller=127.0.0.1:" + managementPort, "--file=" + script)
                .directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("jboss-cli failed on " + script + ":\n" + output + "\nWildFly's log:\n" + log());
        }
    }
}
