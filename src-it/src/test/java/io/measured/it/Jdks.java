package io.measured.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** Finds a JDK of at least a given feature version, for servers that need a newer Java than the build's. */
final class Jdks {

    private Jdks() {
    }

    /**
     * The running JDK if new enough; else the JDK named by the system property or environment
     * variable {@code JDK21_HOME}; else the newest new-enough JDK under {@code /usr/lib/jvm}
     * (Debian's standard place).
     */
    static Optional<Path> atLeast(int feature) throws IOException {
        if (Runtime.version().feature() >= feature) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        String named = System.getProperty("JDK21_HOME", System.getenv("JDK21_HOME"));
        if (named != null && version(Path.of(named)) >= feature) {
            return Optional.of(Path.of(named));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> version(home) >= feature)
                    .max(Comparator.comparingInt(Jdks::version));
        }
    }

    /**
     * The home of a JDK of at least {@code feature} for {@code server}: under CI its absence fails
     * the test (a server must never silently go untested there); elsewhere the test is skipped.
     */
    static Path required(int feature, String server) throws IOException {
        Optional<Path> jdk = atLeast(feature);
        String message = server + " needs Java " + feature + " or newer; none found (set JDK21_HOME)";
        if (jdk.isEmpty() && System.getenv("CI") != null) {
            throw new IllegalStateException(message);
        }
        assumeTrue(jdk.isPresent(), message);
        return jdk.get();
    }

    private static int version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Properties properties = new Properties();
        try (var in = Files.newInputStream(release)) {
            properties.load(in);
        } catch (IOException e) {
            return 0;
        }
        String value = properties.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
        try {
            return Integer.parseInt(value.split("[.+-]")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
