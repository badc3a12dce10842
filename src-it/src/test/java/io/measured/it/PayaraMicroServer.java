package io.measured.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Payara Micro 6 (Jakarta EE 10) from Maven Central, as {@code java -jar payara-micro.jar}. */
final class PayaraMicroServer extends ServerProcess {

    private final int fixedPort;

    PayaraMicroServer() {
        this(0);
    }

    /** @param fixedPort the HTTP port, or 0 for a free one */
    PayaraMicroServer(int fixedPort) {
        this.fixedPort = fixedPort;
    }

    @Override
    String name() {
        return "Payara Micro";
    }

    @Override
    Deployment start(Map<String, String> systemProperties) throws IOException, InterruptedException {
        Path jar = requiredPath("payara.micro.jar");
        Path war = requiredPath("demo.war");
        int port = fixedPort > 0 ? fixedPort : Ports.free();
        Path work = workDirectory("payara");
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx768m");
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString(),
                "--nocluster", "--port", Integer.toString(port), "--rootdir", work.resolve("root").toString(),
                "--contextroot", "/", "--deploy", war.toString()));
        launch(command, work, Map.of());
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        return awaitDeployment(base);
    }

    /** Payara Micro logs "Payara Micro ... ready" once it has tried every deployment, deployed or not. */
    private Deployment awaitDeployment(URI base) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Http http = new Http(base);
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                return new Deployment(false, base, "Payara Micro exited:\n" + log());
            }
            String log = log();
            if (log.contains("ready in")) {
                try {
                    HttpResponse<String> metrics = http.get("api/metrics");
                    return metrics.statusCode() == 200 ? new Deployment(true, base, null)
                            : new Deployment(false, base, log);
                } catch (IOException e) {
                    return new Deployment(false, base, log + "\n" + e);
                }
            }
            Thread.sleep(250);
        }
        return new Deployment(false, base, "Payara Micro did not start within " + START_TIMEOUT + ":\n" + log());
    }
}
