package io.measured.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro from Maven Central, as {@code java -jar payara-micro.jar}: 6 (Jakarta EE 10) on the
 * build's JDK, or 7 (Jakarta EE 11), which needs Java 21 or newer (found by {@link Jdks}).
 */
final class PayaraMicroServer extends ServerProcess {

    private final String name;
    private final String jarProperty;
    private final int javaFeature;
    private final int fixedPort;

    /** Payara Micro 6 on a free port. */
    PayaraMicroServer() {
        this(0);
    }

    /**
     * Payara Micro 6.
     *
     * @param fixedPort the HTTP port, or 0 for a free one
     */
    PayaraMicroServer(int fixedPort) {
        this("Payara Micro 6", "payara.micro.jar", 17, fixedPort);
    }

    private PayaraMicroServer(String name, String jarProperty, int javaFeature, int fixedPort) {
        this.name = name;
        this.jarProperty = jarProperty;
        this.javaFeature = javaFeature;
        this.fixedPort = fixedPort;
    }

    /** Payara Micro 7 (Jakarta EE 11) on a free port. */
    static PayaraMicroServer seven() {
        return new PayaraMicroServer("Payara Micro 7", "payara.micro7.jar", 21, 0);
    }

    @Override
    String name() {
        return name;
    }

    @Override
    Deployment start(Map<String, String> systemProperties) throws IOException, InterruptedException {
        return start(systemProperties, Map.of("/", requiredPath("demo.war")));
    }

    /**
     * Starts with several WARs, each at its context root ("/" or "/name"); deployed means every
     * application answers {@code GET api/metrics}. The deployment's base URI is the server's root.
     */
    Deployment start(Map<String, String> systemProperties, Map<String, Path> warsByContextRoot)
            throws IOException, InterruptedException {
        return launchOnceMoreIfBootHangs(() -> launchAndAwait(systemProperties, warsByContextRoot),
                HAZELCAST_STARTED, this::log);
    }

    /** What Payara Micro logs once Hazelcast, started before any application, is up. */
    private static final String HAZELCAST_STARTED = "Hazelcast Instance Bound";

    private Deployment launchAndAwait(Map<String, String> systemProperties, Map<String, Path> warsByContextRoot)
            throws IOException, InterruptedException {
        Path jar = requiredPath(jarProperty);
        int port = fixedPort > 0 ? fixedPort : Ports.free();
        Path work = workDirectory("payara");
        List<String> command = new ArrayList<>();
        command.add(Jdks.required(javaFeature, name).resolve("bin/java").toString());
        command.add("-Xmx768m");
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString(),
                "--nocluster", "--port", Integer.toString(port), "--rootdir", work.resolve("root").toString()));
        if (warsByContextRoot.size() == 1 && warsByContextRoot.containsKey("/")) {
            command.addAll(List.of("--contextroot", "/", "--deploy", warsByContextRoot.get("/").toString()));
        } else {
            // "--deploy file:root" sets each application's context root (it takes precedence over --contextroot).
            warsByContextRoot.forEach((root, war) -> command.addAll(List.of("--deploy", war + File.pathSeparator + root)));
        }
        launch(command, work, Map.of());
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        return awaitDeployment(base, warsByContextRoot.keySet());
    }

    /** Payara Micro logs "Payara Micro ... ready" once it has tried every deployment, deployed or not. */
    private Deployment awaitDeployment(URI base, Iterable<String> contextRoots) throws InterruptedException {
        Http http = new Http(base);
        return pollDeployment(base, () -> {
            String log = log();
            if (!log.contains("ready in")) {
                return null;
            }
            for (String root : contextRoots) {
                String path = (root.endsWith("/") ? root : root + "/").substring(1) + "api/metrics";
                try {
                    if (http.get(path).statusCode() != 200) {
                        return new Deployment(false, base, "GET /" + path + " did not answer 200:\n" + log);
                    }
                } catch (IOException e) {
                    return new Deployment(false, base, log + "\n" + e);
                }
            }
            return new Deployment(true, base, null);
        });
    }
}
