package io.measured.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop HTTP load on loopback: a fixed number of client threads, each sending its next
 * request when the previous answer arrived, for a bounded time and at most a bounded count.
 */
final class LoadGenerator {

    /** What a run did. */
    /** @param firstError what the first failed request met (its status or exception), or null */
    record Result(long requests, long errors, double seconds, String firstError) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private LoadGenerator() {
    }

    static Result run(URI uri, String accept, int threads, Duration duration, long maxRequests)
            throws InterruptedException {
        // Keeps the cookies the server sets, as browsers do: a Faces page opens a session, and a client
        // that never sent it back would make the server hold one more session per request.
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new java.net.CookieManager()).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", accept).timeout(Duration.ofSeconds(30)).GET().build();
        LongAdder done = new LongAdder();
        LongAdder errors = new LongAdder();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (running.get() && done.sum() < maxRequests) {
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.increment();
                            firstError.compareAndSet(null, "status " + response.statusCode());
                        }
                    } catch (IOException e) {
                        errors.increment();
                        firstError.compareAndSet(null, String.valueOf(e));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    done.increment();
                }
            }));
        }
        long deadline = start + duration.toNanos();
        while (System.nanoTime() < deadline && done.sum() < maxRequests) {
            Thread.sleep(50);
        }
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(done.sum(), errors.sum(), seconds, firstError.get());
    }
}
