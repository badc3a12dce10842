package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Load with concurrent readers, and undeploy/redeploy cycles, on WildFly. Durations and counts come
 * from system properties: short by default (CI), {@code -Psoak} for the long runs whose figures
 * RELIABILITY.md records. Every figure is printed and appended to target/reliability-figures.txt.
 */
@DisplayName("WildFly: load, readers and redeploys")
class FaultsIT {

    private static final int LOAD_SECONDS = Integer.getInteger("soak.load.seconds", 15);
    private static final int REDEPLOYS = Integer.getInteger("soak.redeploys", 5);
    private static final int CLIENTS = 4;

    @Test
    @DisplayName("measured endpoints under load with concurrent metric readers: no error, heap after GC stable")
    void loadWithReaders() throws Exception {
        try (WildFlyServer server = new WildFlyServer()) {
            ServerProcess.Deployment deployment = server.start(Map.of());
            assertThat(deployment.deployed()).as("deployed; log:\n%s", deployment.failure()).isTrue();
            Http http = new Http(deployment.baseUri());
            http.post("api/notes", "{\"title\":\"load\",\"body\":\"under load\"}");
            Jvm jvm = new Jvm(server.serverJvm());
            drive(deployment.baseUri(), Duration.ofSeconds(5));
            long heapBefore = jvm.heapAfterGc();

            Load load = drive(deployment.baseUri(), Duration.ofSeconds(LOAD_SECONDS));
            long heapAfter = jvm.heapAfterGc();

            figure(String.format(Locale.ROOT, "load %ds, %d clients + 1 reader: %d requests (%.0f/s), %d metric reads,"
                    + " %d errors; heap after GC %.1f MB -> %.1f MB", LOAD_SECONDS, CLIENTS, load.requests,
                    load.requests / (double) LOAD_SECONDS, load.reads, load.errors, heapBefore / 1e6, heapAfter / 1e6));
            assertThat(load.errors).isZero();
            assertThat(load.requests).isPositive();
            assertThat(load.reads).isPositive();
            // The buffer and the per-operation statistics are bounded: load adds no lasting memory.
            assertThat(heapAfter).isLessThan(heapBefore + 32L * 1024 * 1024);
            long operations = Http.array(http.get("api/metrics/operations")).stream()
                    .mapToLong(v -> v.asJsonObject().getJsonNumber("count").longValue()).sum();
            assertThat(operations).isGreaterThanOrEqualTo(load.requests);
        }
    }

    @Test
    @DisplayName("undeploy/redeploy cycles: each sees its own config, no leaked threads or class loaders")
    void redeployCycles() throws Exception {
        try (WildFlyServer server = new WildFlyServer()) {
            ServerProcess.Deployment deployment = server.start(Map.of());
            assertThat(deployment.deployed()).as("deployed; log:\n%s", deployment.failure()).isTrue();
            Jvm jvm = new Jvm(server.serverJvm());
            Http http = new Http(deployment.baseUri());
            http.get("api/notes");
            int threadsBefore = jvm.threads();
            long heapBefore = jvm.heapAfterGc();
            List<Long> heaps = new ArrayList<>();
            Path work = ServerProcess.workDirectory("wars");
            for (int cycle = 1; cycle <= REDEPLOYS; cycle++) {
                int size = 10 + cycle;
                Path war = ServerProcess.demoWarWithConfig(work, "demo-" + size + ".war", "measured.buffer.size=" + size + "\n");
                ServerProcess.Deployment again = server.redeploy(war, deployment.baseUri());
                assertThat(again.deployed()).as("cycle %d deployed; log:\n%s", cycle, again.failure()).isTrue();
                for (int i = 0; i < 20; i++) {
                    assertThat(http.get("api/notes").statusCode()).isEqualTo(200);
                }
                assertThat(Http.object(http.get("api/metrics")).getInt("max_size"))
                        .as("cycle %d reads its own measured.buffer.size", cycle).isEqualTo(size);
                heaps.add(jvm.heapAfterGc());
            }
            int threadsAfter = jvm.threads();
            // The server releases an undeployed module asynchronously: allow it a few collections.
            long liveExtensions = Long.MAX_VALUE;
            long waitedMs = 0;
            for (; waitedMs <= 30_000 && liveExtensions > 1; waitedMs += 1_000) {
                liveExtensions = jvm.liveClassesNamed("io.measured.internal.cdi.MeasuredExtension");
                if (liveExtensions > 1) {
                    Thread.sleep(1_000);
                }
            }
            long liveBuffers = jvm.liveClassesNamed("io.measured.MetricsBuffer");
            long liveAppMappers = jvm.liveClassesNamed("io.measured.demo.NoteStoreExceptionMapper$Proxy$_$$_WeldClientProxy");
            figure(String.format(Locale.ROOT, "%d redeploys: threads %d -> %d; heap after GC %.1f MB -> %s MB;"
                    + " deployments with live instances: MeasuredExtension %d (after %d ms), MetricsBuffer %d,"
                    + " the app's own ExceptionMapper proxy %d", REDEPLOYS,
                    threadsBefore, threadsAfter, heapBefore / 1e6,
                    heaps.stream().map(h -> String.format(Locale.ROOT, "%.1f", h / 1e6)).toList(),
                    liveExtensions, waitedMs, liveBuffers, liveAppMappers));
            assertThat(liveBuffers).as("only the current deployment's buffer is alive").isEqualTo(1);
            // WildFly keeps a few undeployed deployments reachable for a while, the app's own JAX-RS
            // providers included (3 of 20 here). The library must add no retention of its own, and
            // what stays reachable must not grow with the number of cycles.
            assertThat(liveExtensions).as("deployments reachable through the library vs through the app's own classes")
                    .isLessThanOrEqualTo(Math.max(1, liveAppMappers));
            assertThat(liveExtensions).as("deployments still reachable after %d cycles", REDEPLOYS).isLessThanOrEqualTo(5);
            assertThat(threadsAfter).isLessThanOrEqualTo(threadsBefore + 5);
            // Heap after GC must not climb with cycles: the last is within 32 MB of the first.
            assertThat(heaps.get(heaps.size() - 1)).isLessThan(heaps.get(0) + 32L * 1024 * 1024);
        }
    }

    private record Load(long requests, long reads, long errors) {
    }

    private static Load drive(URI base, Duration duration) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        LongAdder requests = new LongAdder();
        LongAdder reads = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        List<Future<?>> tasks = new ArrayList<>();
        String[] paths = {"api/notes", "api/notes/1", "api/notes/1/html", "api/tasks?ms=0"};
        for (int c = 0; c < CLIENTS; c++) {
            String path = paths[c % paths.length];
            tasks.add(pool.submit(() -> loop(client, base.resolve(path), "*/*", running, requests, errors)));
        }
        tasks.add(pool.submit(() -> {
            String[] accepts = {"application/json", "text/plain", "application/openmetrics-text"};
            int i = 0;
            while (running.get()) {
                boolean recent = i % 4 == 3;
                String path = recent ? "api/metrics/recent?limit=100" : "api/metrics";
                once(client, base.resolve(path), recent ? "application/json" : accepts[i % accepts.length], reads, errors);
                i++;
            }
            return null;
        }));
        Thread.sleep(duration.toMillis());
        running.set(false);
        for (Future<?> task : tasks) {
            task.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return new Load(requests.sum(), reads.sum(), errors.sum());
    }

    private static Object loop(java.net.http.HttpClient client, URI uri, String accept, AtomicBoolean running,
            LongAdder done, LongAdder errors) {
        while (running.get()) {
            once(client, uri, accept, done, errors);
        }
        return null;
    }

    private static void once(java.net.http.HttpClient client, URI uri, String accept, LongAdder done, LongAdder errors) {
        try {
            var response = client.send(java.net.http.HttpRequest.newBuilder(uri).header("Accept", accept)
                    .timeout(Duration.ofSeconds(30)).GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                errors.increment();
                note(uri + " -> " + response.statusCode());
            }
        } catch (IOException e) {
            errors.increment();
            note(uri + " -> " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        done.increment();
    }

    private static final java.util.Set<String> ERROR_SAMPLES = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static void note(String error) {
        if (ERROR_SAMPLES.size() < 10 && ERROR_SAMPLES.add(error)) {
            System.out.println("[reliability] error sample: " + error);
        }
    }

    private static void figure(String line) throws IOException {
        System.out.println("[reliability] " + line);
        Path file = Path.of(System.getProperty("servers.work", "target")).getParent().resolve("reliability-figures.txt");
        Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
