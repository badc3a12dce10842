package io.measured.it;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo built with Quarkus (src-it/quarkus, JVM mode), started as a user starts a packaged
 * Quarkus application: {@code java -jar quarkus-app/quarkus-run.jar}, here on a free loopback
 * port, with system properties, environment variables and a working directory's
 * {@code config/application.properties} as a user would give them.
 */
final class QuarkusApp extends ServerProcess {

    private final String appProperty;
    private final Map<String, String> environment;
    private final String runtimeProperties;

    /** The demo's Quarkus build, with the library. */
    QuarkusApp() {
        this("quarkus.app", Map.of(), null);
    }

    private QuarkusApp(String appProperty, Map<String, String> environment, String runtimeProperties) {
        this.appProperty = appProperty;
        this.environment = environment;
        this.runtimeProperties = runtimeProperties;
    }

    /** The same application built without the library (by ../pom.xml's e2e-bench-quarkus profile). */
    static QuarkusApp withoutMeasured() {
        return new QuarkusApp("quarkus.app.without", Map.of(), null);
    }

    /**
     * The same application built without the library but with a pre-matching filter that does
     * nothing (by ../pom.xml's e2e-bench-quarkus profile).
     */
    static QuarkusApp preMatchingFloor() {
        return new QuarkusApp("quarkus.app.floor", Map.of(), null);
    }

    /** This application started with these environment variables as well. */
    QuarkusApp withEnvironment(Map<String, String> variables) {
        return new QuarkusApp(appProperty, variables, runtimeProperties);
    }

    /** This application started in a working directory whose {@code config/application.properties} holds {@code properties}. */
    QuarkusApp withConfigFile(String properties) {
        return new QuarkusApp(appProperty, environment, properties);
    }

    @Override
    String name() {
        return "Quarkus " + System.getProperty("quarkus.version", "3") + " (JVM mode)";
    }

    @Override
    Deployment start(Map<String, String> systemProperties) throws IOException, InterruptedException {
        Path jar = requiredPath(appProperty).resolve("quarkus-run.jar");
        int port = Ports.free();
        Path work = workDirectory("quarkus");
        if (runtimeProperties != null) {
            Path config = work.resolve("config/application.properties");
            Files.createDirectories(config.getParent());
            Files.writeString(config, runtimeProperties, StandardCharsets.UTF_8);
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx512m");
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        launch(command, work, environment);
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        Http http = new Http(base);
        return pollDeployment(base, () -> {
            String log = log();
            if (!log.contains("Listening on: http://127.0.0.1:" + port)) {
                return null;
            }
            try {
                int status = http.get("api/notes").statusCode();
                return status == 200 ? new Deployment(true, base, null)
                        : new Deployment(false, base, "GET /api/notes answered " + status + ":\n" + log);
            } catch (IOException e) {
                return new Deployment(false, base, log + "\n" + e);
            }
        });
    }
}
