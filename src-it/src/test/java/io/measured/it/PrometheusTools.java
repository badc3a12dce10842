package io.measured.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real Prometheus tools from the Debian package {@code prometheus}, found on the PATH.
 * Under CI (environment variable CI set, as {@code .ci/run} runs) they are required and a missing
 * one fails the test; elsewhere the test is reported as skipped with the reason.
 */
final class PrometheusTools {

    private PrometheusTools() {
    }

    static Path require(String binary) {
        Optional<Path> found = find(binary);
        String message = binary + " not found on PATH; install the Debian package 'prometheus' (apt-get install prometheus)";
        if (found.isEmpty() && System.getenv("CI") != null) {
            throw new IllegalStateException(message + "; .ci/run installs it");
        }
        assumeTrue(found.isPresent(), message);
        return found.get();
    }

    private static Optional<Path> find(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, binary);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code promtool check metrics} on an exposition; returns its exit code and everything it printed. */
    static Result checkMetrics(String exposition) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(require("promtool").toString(), "check", "metrics")
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool did not finish within 60 s");
        }
        return new Result(process.exitValue(), output);
    }

    record Result(int exitCode, String output) {
    }
}
