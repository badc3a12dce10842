package io.measured.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * WildFly from Maven Central ({@code org.wildfly:wildfly-dist}, unpacked by Maven), started with
 * {@code bin/standalone.sh} on a private copy of its {@code standalone} directory, every socket
 * moved by one free port offset. The demo is deployed by the deployment scanner.
 */
final class WildFlyServer extends ServerProcess {

    /** The ports of every socket binding, standalone-full.xml's IIOP ones included; all move by the offset. */
    private static final int[] DEFAULT_PORTS = {8080, 8443, 9990, 9993, 8009, 4712, 4713, 3528, 3529};

    private Path base;
    private Path home;
    private String warProperty = "demo.war";
    private String configuration = "standalone.xml";
    private final List<String[]> users = new ArrayList<>();
    private UnaryOperator<String> configurationEdit = UnaryOperator.identity();

    /** Changes the server configuration file before the start; a later call replaces the edit. */
    WildFlyServer withConfigurationEdit(UnaryOperator<String> edit) {
        configurationEdit = edit;
        return this;
    }

    /** Runs a configuration of the distribution other than the web one, such as {@code standalone-full.xml} (JMS). */
    WildFlyServer withConfiguration(String file) {
        this.configuration = file;
        return this;
    }

    /** Deploys the WAR named by another system property, such as {@code demo.secured.war}. */
    WildFlyServer withWarFrom(String property) {
        this.warProperty = property;
        return this;
    }

    /** Adds an application user to the server's own properties realm (ApplicationRealm). */
    WildFlyServer withUser(String name, String password, String roles) {
        users.add(new String[] {name, password, roles});
        return this;
    }

    @Override
    String name() {
        return "WildFly";
    }

    @Override
    Deployment start(Map<String, String> systemProperties) throws IOException, InterruptedException {
        home = requiredPath("wildfly.home");
        Path war = requiredPath(warProperty);
        Path work = workDirectory("wildfly");
        base = work.resolve("standalone");
        copyTree(home.resolve("standalone"), base);
        for (String[] user : users) {
            addUser(user[0], user[1], user[2]);
        }
        // Scan for deployments every 500 ms instead of 5 s, so redeploy cycles stay short.
        Path standaloneXml = base.resolve("configuration").resolve(configuration);
        Files.writeString(standaloneXml, configurationEdit.apply(Files.readString(standaloneXml)
                .replace("scan-interval=\"5000\"", "scan-interval=\"500\"")));
        Files.copy(war, base.resolve("deployments").resolve("demo.war"), StandardCopyOption.REPLACE_EXISTING);
        int offset = freeOffset();
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve("standalone.sh").toString());
        command.addAll(List.of("-c", configuration, "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + offset));
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        home.resolve("bin").resolve("standalone.sh").toFile().setExecutable(true);
        launch(command, work, Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS", "-Xmx768m"));
        return awaitDeployment(URI.create("http://127.0.0.1:" + (8080 + offset) + "/"));
    }

    private void addUser(String name, String password, String roles) throws IOException, InterruptedException {
        Path script = home.resolve("bin").resolve("add-user.sh");
        script.toFile().setExecutable(true);
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "-a", "-s", "-u", name, "-p", password,
                "-g", roles, "-sc", base.resolve("configuration").toString()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("add-user.sh failed for " + name + ":\n" + output);
        }
    }

    /**
     * Undeploys the demo and deploys the given WAR in its place, through the deployment scanner.
     *
     * @return the outcome of the new deployment
     */
    Deployment redeploy(Path war, URI uri) throws IOException, InterruptedException {
        Path deployments = base.resolve("deployments");
        Files.delete(deployments.resolve("demo.war"));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(deployments.resolve("demo.war.undeployed"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("WildFly did not undeploy the demo:\n" + log());
            }
            Thread.sleep(100);
        }
        Files.copy(war, deployments.resolve("demo.war"), StandardCopyOption.REPLACE_EXISTING);
        return awaitDeployment(uri);
    }

    /** The server's JVM (a child of standalone.sh). */
    ProcessHandle serverJvm() {
        return processHandle().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules.jar")).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no WildFly JVM found under " + processHandle().pid()));
    }

    private Deployment awaitDeployment(URI uri) throws InterruptedException {
        Path deployments = base.resolve("deployments");
        return pollDeployment(uri, () -> {
            if (Files.exists(deployments.resolve("demo.war.deployed"))
                    && !Files.exists(deployments.resolve("demo.war.undeployed"))) {
                return new Deployment(true, uri, null);
            }
            if (Files.exists(deployments.resolve("demo.war.failed"))) {
                return new Deployment(false, uri, read(deployments.resolve("demo.war.failed")) + "\n" + log());
            }
            return null;
        });
    }

    /** A port offset at which every socket of the distribution's configurations is free. */
    static int freeOffset() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int offset = 1000 + ThreadLocalRandom.current().nextInt(50_000);
            boolean allFree = true;
            for (int port : DEFAULT_PORTS) {
                allFree &= Ports.isFree(port + offset);
            }
            if (allFree) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset found for WildFly's sockets");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
