package io.measured.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.MetricsBuffer;
import io.measured.OperationStats;
import io.measured.OperationType;
import io.measured.StatsInvariants;
import io.measured.internal.config.MapConfig;
import io.measured.internal.config.SettingsReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Several seconds of writers against readers of every rendering (JSON stats, recent, operations,
 * Prometheus text, OpenMetrics): no exception, every exposition internally consistent, and the
 * cumulative counts exact at the end.
 */
class ExpositionStressTest {

    private static final long SECONDS = 3;
    private static final Pattern COUNT = Pattern.compile("measured_operation_duration_seconds_count\\{([^}]*)\\} (\\d+)");

    @Test
    void writersAndExpositionReadersTogether() throws Exception {
        MetricsBuffer buffer = MetricsBuffer.builder().maxSize(200).maxOperations(20).build();
        MetricsEndpoint endpoint = new MetricsEndpoint(buffer, SettingsReader.read(new MapConfig(Map.of())));
        JsonRenderer json = new JsonRenderer();
        LongAdder written = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                tasks.add(pool.submit(() -> {
                    int i = 0;
                    while (running.get()) {
                        OperationType type = OperationType.values()[i % 3];
                        // More names than the cap, some with characters every format must escape.
                        String name = "op \"" + (i % 40) + "\"\n\\" + writer % 2;
                        buffer.record(type, name, (i % 1000) / 10.0, i % 9 == 0 ? Map.of("outcome", "error") : Map.of());
                        written.increment();
                        i++;
                    }
                    return null;
                }));
            }
            for (String accept : new String[] {"text/plain", "application/openmetrics-text"}) {
                tasks.add(pool.submit(() -> {
                    while (running.get()) {
                        checkConsistent(Rendered.text(endpoint.stats(Map.of(), accept), json), problems);
                        problems.addAll(StatsInvariants.violations(buffer.getStats()));
                        Rendered.text(endpoint.stats(Map.of()), json);
                        Rendered.text(endpoint.recent(Map.of("limit", List.of("200"))), json);
                        Rendered.text(endpoint.operations(Map.of()), json);
                    }
                    return null;
                }));
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS));
            running.set(false);
            for (Future<?> task : tasks) {
                task.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            json.close();
        }
        assertThat(problems).isEmpty();
        long counted = buffer.getOperationStats().stream().mapToLong(OperationStats::count).sum();
        assertThat(counted).isEqualTo(written.sum()).isPositive();
        assertThat(buffer.getOperationStats()).hasSizeLessThanOrEqualTo(20 + 3);
        assertThat(buffer.size()).isLessThanOrEqualTo(200);
    }

    /** Each series' +Inf bucket equals its count, and the exposition ends where its format says. */
    private static void checkConsistent(String exposition, ConcurrentLinkedQueue<String> problems) {
        Matcher count = COUNT.matcher(exposition);
        while (count.find()) {
            String infBucket = "measured_operation_duration_seconds_bucket{" + count.group(1) + ",le=\"+Inf\"} " + count.group(2);
            if (!exposition.contains(infBucket)) {
                problems.add("no +Inf bucket equal to the count for {" + count.group(1) + "}");
            }
        }
        boolean openMetrics = exposition.contains("# UNIT ");
        if (openMetrics != exposition.endsWith("# EOF\n")) {
            problems.add("OpenMetrics exposition without # EOF, or a text one with it");
        }
    }
}
