package io.measured.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A stack overflow inside the recording code, in a JVM of its own ({@link RecordingFaultsDrill}):
 * with the library's classes interpreted, where the overflow strikes deep inside the recording path
 * (a {@code VarHandle} access is a chain of calls there), and compiled; on platform threads and on
 * virtual threads. A drill that hangs is killed after its time, with its threads printed.
 */
class RecordingFaultsTest {

    private static final long LIMIT_SECONDS = 120;

    @ParameterizedTest(name = "{0}, {1} threads")
    @DisplayName("after stack overflows inside recording, every later writer finishes and the buffer is whole")
    @CsvSource({"interpreted, platform", "compiled, platform", "interpreted, virtual", "compiled, virtual"})
    void overflowsInsideRecordingBlockNobody(String code, String threads) throws Exception {
        if (threads.equals("virtual")) {
            assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21+, running " + Runtime.version());
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        if (code.equals("interpreted")) {
            command.add("-XX:CompileCommand=quiet");
            command.add("-XX:CompileCommand=exclude,io.measured.*::*");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RecordingFaultsDrill.class.getName(), threads));
        Path output = Files.createTempFile("recording-faults", ".txt");
        try {
            Process drill = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean ended = drill.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                printThreads(drill);
                drill.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(ended).as("the drill ended within %d s; it printed:%n%s", LIMIT_SECONDS, printed).isTrue();
            assertThat(drill.exitValue()).as("the drill's checks; it printed:%n%s", printed).isZero();
            assertThat(printed).contains("ok: every writer finished", "ok: the buffer holds exactly");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The hung JVM's threads, into the drill's own output, so the failure shows where it waits. */
    private static void printThreads(Process drill) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (Files.isExecutable(jcmd)) {
            new ProcessBuilder(jcmd.toString(), Long.toString(drill.pid()), "Thread.print").inheritIO().start()
                    .waitFor(30, TimeUnit.SECONDS);
        }
    }
}
