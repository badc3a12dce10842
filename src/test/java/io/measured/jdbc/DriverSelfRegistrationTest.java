package io.measured.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What DriverManager's first loading of its service drivers registers from an application's class
 * loader: nothing in a CDI application, whose start registers the driver of its own loader; the
 * driver itself otherwise, as JDBC drivers do. Each case in a JVM of its own ({@link DriverLoadingDrill}).
 */
class DriverSelfRegistrationTest {

    private static String drill(String cdiApi) throws Exception {
        Path classes = Path.of(MeasuredDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "--add-opens", "java.sql/java.sql=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                DriverLoadingDrill.class.getName(), classes.toString(), cdiApi);
        Path output = Files.createTempFile("driver-loading", ".txt");
        try {
            Process drill = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            assertThat(drill.waitFor(60, TimeUnit.SECONDS)).as("the drill ended").isTrue();
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(drill.exitValue()).as("the drill's exit; it printed:%n%s", printed).isZero();
            return printed;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String cdiApiJar() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("jakarta.enterprise.cdi-api")).findFirst()
                .orElseThrow(() -> new AssertionError("the CDI API jar is not on the test class path"));
    }

    @Test
    @DisplayName("in a CDI application: nothing registered by DriverManager's loading, one driver once the application starts")
    void aCdiApplicationRegistersAsItStarts() throws Exception {
        assertThat(drill(cdiApiJar())).contains("after DriverManager's first loading: 0", "after the application's start: 1");
    }

    @Test
    @DisplayName("without CDI: the driver registers itself as DriverManager loads it")
    void withoutCdiTheDriverRegistersItself() throws Exception {
        assertThat(drill("none")).contains("after DriverManager's first loading: 1", "after the application's start: 1");
    }
}
