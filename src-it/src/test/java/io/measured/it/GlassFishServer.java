package io.measured.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server of the GlassFish family, unpacked by Maven from Maven Central: GlassFish 8 (Jakarta EE
 * 11, {@code org.glassfish.main.distributions:glassfish}) or Payara Server 6 (Jakarta EE 10,
 * {@code fish.payara.distributions:payara}). Each start creates a fresh domain with every port
 * moved by a free port base, adds the system properties as JVM options, and deploys the demo
 * through the autodeploy directory. On GlassFish it also points the default data source at
 * embedded Derby (the stock one needs a separate Derby server); Payara's default is embedded H2
 * already. A server that needs a newer Java than the build's runs on one found by {@link Jdks};
 * without one the test fails under CI and is skipped elsewhere.
 */
final class GlassFishServer extends ServerProcess {

    /** Offsets from the port base that a domain created with --portbase uses. */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 66, 76, 80, 81, 86};

    private final String name;
    private final String homeProperty;
    private final int minimumJava;
    private final boolean embeddedDerby;
    private Path domain;
    private String warProperty = "demo.war";

    private GlassFishServer(String name, String homeProperty, int minimumJava, boolean embeddedDerby) {
        this.name = name;
        this.homeProperty = homeProperty;
        this.minimumJava = minimumJava;
        this.embeddedDerby = embeddedDerby;
    }

    static GlassFishServer glassFish8() {
        return new GlassFishServer("GlassFish 8", "glassfish.home", 21, true);
    }

    static GlassFishServer payaraServer6() {
        return new GlassFishServer("Payara Server 6", "payara.server.home", 17, false);
    }

    /** Deploys the WAR the given system property names instead of {@code demo.war}. */
    GlassFishServer withWarFrom(String property) {
        this.warProperty = property;
        return this;
    }

    @Override
    String name() {
        return name;
    }

    @Override
    Deployment start(Map<String, String> systemProperties) throws IOException, InterruptedException {
        return launchOnceMoreIfBootHangs(() -> launchAndAwait(systemProperties), BOOTED, this::serverLog);
    }

    /** What the server logs in its server.log once its own boot is done, before the autodeployer runs. */
    static final String BOOTED = "startup time";

    private Deployment launchAndAwait(Map<String, String> systemProperties) throws IOException, InterruptedException {
        Path home = requiredPath(homeProperty);
        Path javaHome = Jdks.required(minimumJava, name);
        Path work = workDirectory(name.toLowerCase(Locale.ROOT).replace(' ', '-'));
        Path domains = work.resolve("domains");
        int portBase = freePortBase(name);
        Map<String, String> environment = Map.of("JAVA_HOME", javaHome.toString(), "AS_JAVA", javaHome.toString());
        run(environment, work, home.resolve("bin/asadmin").toString(), "--interactive=false", "create-domain",
                "--nopassword", "--domaindir", domains.toString(), "--portbase", Integer.toString(portBase), "demo");
        domain = domains.resolve("demo");
        configure(domain.resolve("config/domain.xml"), systemProperties, embeddedDerby);
        Files.createDirectories(domain.resolve("autodeploy"));
        Files.copy(requiredPath(warProperty), domain.resolve("autodeploy/demo.war"), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = List.of(home.resolve("bin/startserv").toString(), "--domaindir", domains.toString(), "demo");
        home.resolve("bin/startserv").toFile().setExecutable(true);
        launch(command, work, environment);
        return awaitDeployment(URI.create("http://127.0.0.1:" + (portBase + 80) + "/"));
    }

    static void run(Map<String, String> environment, Path dir, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** Each system property as a JVM option of the server, and embedded Derby for jdbc/__default if asked. */
    private static void configure(Path domainXml, Map<String, String> systemProperties, boolean embeddedDerby)
            throws IOException {
        String xml = Files.readString(domainXml);
        if (embeddedDerby) {
            xml = withEmbeddedDerby(xml, domainXml);
        }
        StringBuilder options = new StringBuilder();
        systemProperties.forEach((key, value) -> options.append("<jvm-options>-D").append(key).append('=')
                .append(value).append("</jvm-options>"));
        Matcher javaConfig = Pattern.compile("<java-config[^>]*>").matcher(xml);
        if (!javaConfig.find()) {
            throw new IllegalStateException("no java-config in " + domainXml);
        }
        xml = xml.substring(0, javaConfig.end()) + options + xml.substring(javaConfig.end());
        Files.writeString(domainXml, xml);
    }

    private static String withEmbeddedDerby(String xml, Path domainXml) {
        Matcher pool = Pattern.compile("<jdbc-connection-pool[^>]*name=\"DerbyPool\"[^>]*>.*?</jdbc-connection-pool>",
                Pattern.DOTALL).matcher(xml);
        if (!pool.find()) {
            throw new IllegalStateException("no DerbyPool in " + domainXml);
        }
        String embedded = "<jdbc-connection-pool datasource-classname=\"org.apache.derby.jdbc.EmbeddedDataSource\""
                + " name=\"DerbyPool\" res-type=\"javax.sql.DataSource\">"
                + "<property name=\"DatabaseName\" value=\"${com.sun.aas.instanceRoot}/lib/databases/demo\"/>"
                + "<property name=\"connectionAttributes\" value=\";create=true\"/>"
                + "</jdbc-connection-pool>";
        return xml.substring(0, pool.start()) + embedded + xml.substring(pool.end());
    }

    private Deployment awaitDeployment(URI uri) throws InterruptedException {
        Path autodeploy = domain.resolve("autodeploy");
        return pollDeployment(uri, () -> {
            if (Files.exists(autodeploy.resolve("demo.war_deployed"))) {
                return new Deployment(true, uri, null);
            }
            if (Files.exists(autodeploy.resolve("demo.war_deployFailed"))) {
                return new Deployment(false, uri, log());
            }
            return null;
        });
    }

    /** The console output and the domain's server.log. */
    @Override
    String log() {
        StringBuilder log = new StringBuilder(super.log());
        if (domain != null && Files.exists(domain.resolve(SERVER_LOG))) {
            log.append("\n--- server.log ---\n").append(serverLog());
        }
        return log.toString();
    }

    private static final String SERVER_LOG = "logs/server.log";

    /** The domain's server.log so far; empty before the server writes one. */
    private String serverLog() {
        Path serverLog = domain == null ? null : domain.resolve(SERVER_LOG);
        try {
            return serverLog == null || !Files.exists(serverLog) ? "" : Files.readString(serverLog);
        } catch (IOException e) {
            return "(server.log unreadable: " + e + ")";
        }
    }

    /** A port base at which every port a domain created with it uses is free. */
    static int freePortBase(String serverName) {
        for (int attempt = 0; attempt < 200; attempt++) {
            // At most 56,900: create-domain also checks its default JMS port (7676) moved by the
            // base, and fails ("No free port is available in range 67,376 - 65,535") past 65,535.
            int base = 100 * (100 + ThreadLocalRandom.current().nextInt(470));
            boolean allFree = true;
            for (int offset : PORT_OFFSETS) {
                allFree &= Ports.isFree(base + offset);
            }
            if (allFree) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base found for " + serverName);
    }
}
