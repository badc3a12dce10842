package io.measured.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One server process with the demo WAR deployed, started on free loopback ports and always
 * stopped, with its whole process tree, when closed.
 */
abstract class ServerProcess implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private Process process;
    private Path logFile;

    /** Human name for messages, such as "Payara Micro 6.2025.10". */
    abstract String name();

    /**
     * Starts the server with the given system properties and the demo deployed.
     *
     * @return the outcome: deployed (with the application's base URI) or failed (with the log)
     */
    abstract Deployment start(Map<String, String> systemProperties) throws IOException, InterruptedException;

    protected final Process launch(List<String> command, Path workDir, Map<String, String> environment) throws IOException {
        Files.createDirectories(workDir);
        logFile = workDir.resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().putAll(environment);
        process = builder.start();
        return process;
    }

    /** What a server's deployment signs say so far: the outcome, or null while still undecided. */
    @FunctionalInterface
    interface DeploymentProbe {
        Deployment outcome() throws InterruptedException;
    }

    /**
     * Asks the probe every 250 ms until it decides, the server process exits, or
     * {@link #START_TIMEOUT} passes.
     */
    protected final Deployment pollDeployment(URI base, DeploymentProbe probe) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Deployment outcome = probe.outcome();
            if (outcome != null) {
                return outcome;
            }
            if (!isAlive()) {
                return new Deployment(false, base, name() + " exited:\n" + log());
            }
            Thread.sleep(250);
        }
        return new Deployment(false, base, name() + " did not deploy within " + START_TIMEOUT + ":\n" + log());
    }

    /** Launches the server and waits for its deployment signs. */
    @FunctionalInterface
    interface Launch {
        Deployment launchAndAwait() throws IOException, InterruptedException;
    }

    /**
     * Launches, and launches once more when the server hung in its own boot: still running, nothing
     * deployed, and {@code booted} (what it logs once its boot is done, before it deploys anything)
     * nowhere in {@code bootLog}. Seen once each on Payara Micro 7 (inside its own Hazelcast start)
     * and GlassFish 8 (nothing in its server.log for 3 minutes). That hang is the server's, not the
     * application's, so it is said on the console with the hung JVM's threads, while an application
     * that fails or hangs after the boot still fails.
     */
    protected final Deployment launchOnceMoreIfBootHangs(Launch launch, String booted, Supplier<String> bootLog)
            throws IOException, InterruptedException {
        Deployment deployment = launch.launchAndAwait();
        if (!deployment.deployed() && isAlive() && !bootLog.get().contains(booted)) {
            System.err.println(name() + " hung in its own boot before deploying (no \"" + booted
                    + "\" in its log); starting it once more. Its threads:\n" + threadsOrWhyNot());
            close();
            deployment = launch.launchAndAwait();
        }
        return deployment;
    }

    /** The server JVM's threads: the launched process, or the first java it started (a start script's). */
    private String threadsOrWhyNot() throws InterruptedException {
        try {
            ProcessHandle java = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                    .filter(candidate -> candidate.info().command().orElse("").endsWith("/java"))
                    .findFirst().orElse(process.toHandle());
            return new Jvm(java).threadDump();
        } catch (IOException | RuntimeException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    protected final ProcessHandle processHandle() {
        return process.toHandle();
    }

    protected final boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The console output so far. */
    String log() {
        try {
            return logFile == null || !Files.exists(logFile) ? "" : Files.readString(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path workDirectory(String name) throws IOException {
        Path base = Path.of(System.getProperty("servers.work", "target/server-runs"));
        Files.createDirectories(base);
        return Files.createTempDirectory(base, name + "-");
    }

    /** A copy of the demo WAR, named {@code fileName}, whose own microprofile-config.properties holds {@code properties}. */
    static Path demoWarWithConfig(Path dir, String fileName, String properties) throws IOException {
        Path war = dir.resolve(fileName);
        Files.copy(requiredPath("demo.war"), war);
        try (FileSystem zip = FileSystems.newFileSystem(war)) {
            Path config = zip.getPath("WEB-INF/classes/META-INF/microprofile-config.properties");
            Files.createDirectories(config.getParent());
            Files.writeString(config, properties, StandardCharsets.UTF_8);
        }
        return war;
    }

    /**
     * Copies the measured and H2 jars of a demo WAR to {@code into}: for a library of a server that
     * loads a data source's class from there, the demo's own or the server's.
     */
    static void copyJdbcJars(Path war, Path into) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(war); Stream<Path> jars = Files.list(zip.getPath("/WEB-INF/lib"))) {
            List<Path> wanted = jars.filter(jar -> jar.getFileName().toString().matches("(measured|h2)-.*\\.jar")).toList();
            if (wanted.size() != 2) {
                throw new IllegalStateException("expected the measured and h2 jars in " + war + ", found " + wanted);
            }
            for (Path jar : wanted) {
                Files.copy(jar, into.resolve(jar.getFileName().toString()));
            }
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path requiredPath(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run through Maven (mvn verify)");
        }
        Path path = Path.of(value);
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " points to " + path + ", which does not exist");
        }
        return path;
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** The result of starting a server with the demo. */
    record Deployment(boolean deployed, URI baseUri, String failure) {
    }
}
