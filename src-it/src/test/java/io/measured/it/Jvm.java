package io.measured.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Looks into a running server JVM with the JDK's own jcmd. */
final class Jvm {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final long pid;

    Jvm(ProcessHandle process) {
        this.pid = process.pid();
    }

    /** Heap in use right after a full GC, in bytes. */
    long heapAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = USED.matcher(info);
        long kilobytes = 0;
        // The first "used" figure is the whole heap's.
        if (used.find()) {
            kilobytes = Long.parseLong(used.group(1));
        } else {
            throw new IllegalStateException("no heap figure in:\n" + info);
        }
        return kilobytes * 1024;
    }

    /** Live threads, as the kernel counts them. */
    int threads() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring("Threads:".length()).trim());
            }
        }
        throw new IllegalStateException("no thread count for process " + pid);
    }

    /** How many classes of the given name have live instances (one per class loader that still holds one). */
    long liveClassesNamed(String className) throws IOException, InterruptedException {
        return jcmd("GC.class_histogram").lines()
                .filter(line -> line.trim().endsWith(" " + className) || line.contains(" " + className + " "))
                .count();
    }

    /** The JVM's threads and their stacks. */
    String threadDump() throws IOException, InterruptedException {
        return jcmd("Thread.print");
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed:\n" + output);
        }
        return output;
    }
}
