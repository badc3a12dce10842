package io.measured.it;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The throughput loss of a measured target against its baseline on the same machine: short
 * slices of closed-loop load alternate between the two (baseline first, then measured first, and so
 * on), so both see the same machine noise; each pair of slices gives one loss figure, and the
 * median of the pairs is the result. Prints one line per pair and a summary.
 */
final class PairedSlices {

    /** A bound on any one run, so a runaway fast target cannot run for long. */
    private static final long MAX_REQUESTS = 5_000_000;

    private final int threads;
    private final Duration warmup;
    private final Duration slice;
    private final int pairs;

    private PairedSlices(int threads, Duration warmup, Duration slice, int pairs) {
        this.threads = threads;
        this.warmup = warmup;
        this.slice = slice;
        this.pairs = pairs;
    }

    /**
     * The load {@code -Dbench.threads} (client threads, 4 by default), {@code -Dbench.warmup.seconds}
     * (60), {@code -Dbench.slice.seconds} (5) and {@code -Dbench.pairs} (16) ask for; prints it with
     * the machine's.
     */
    static PairedSlices configured() {
        PairedSlices slices = new PairedSlices(Integer.getInteger("bench.threads", 4),
                Duration.ofSeconds(Integer.getInteger("bench.warmup.seconds", 60)),
                Duration.ofSeconds(Integer.getInteger("bench.slice.seconds", 5)), Integer.getInteger("bench.pairs", 16));
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; load: %d client threads, %s warm-up, %d pairs of %s slices%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), slices.threads, slices.warmup, slices.pairs, slices.slice);
        return slices;
    }

    /** The whole warm-up's length, for the caller to divide among its targets. */
    Duration warmup() {
        return warmup;
    }

    /** Load on {@code uri} for {@code length}, not measured (warming up). */
    void warm(URI uri, String accept, Duration length) throws InterruptedException {
        LoadGenerator.run(uri, accept, threads, length, MAX_REQUESTS);
    }

    /** Requests per second to {@code uri} over {@code slices} slices; any failed request fails the run. */
    double rate(URI uri, String accept, int slices) throws InterruptedException {
        return checked(LoadGenerator.run(uri, accept, threads, slice.multipliedBy(slices), MAX_REQUESTS), uri).perSecond();
    }

    /** Returns the median loss in percent of {@code measured} against {@code baseline}; any failed request fails the run. */
    double medianLoss(String label, String baselineName, URI baseline, String measuredName, URI measured) throws Exception {
        List<Double> losses = new ArrayList<>();
        double measuredTotal = 0;
        double baselineTotal = 0;
        System.out.printf(Locale.ROOT, "%n%-6s %12s %12s %8s%n", "pair", baselineName + " req/s", measuredName + " req/s", "loss");
        for (int pair = 0; pair < pairs; pair++) {
            double baselineRate;
            double measuredRate;
            if (pair % 2 == 0) {
                baselineRate = rate(baseline, "*/*", 1);
                measuredRate = rate(measured, "*/*", 1);
            } else {
                measuredRate = rate(measured, "*/*", 1);
                baselineRate = rate(baseline, "*/*", 1);
            }
            double loss = 100 * (1 - measuredRate / baselineRate);
            losses.add(loss);
            measuredTotal += measuredRate;
            baselineTotal += baselineRate;
            System.out.printf(Locale.ROOT, "%-6d %12.0f %12.0f %7.2f%%%n", pair + 1, baselineRate, measuredRate, loss);
        }
        losses.sort(Double::compare);
        double median = median(losses);
        System.out.printf(Locale.ROOT, "%s, %s vs %s: median loss %.2f%% (pairs from %.2f%% to %.2f%%; "
                + "all slices together %.2f%%)%n", label, measuredName, baselineName, median, losses.get(0),
                losses.get(losses.size() - 1), 100 * (1 - measuredTotal / baselineTotal));
        return median;
    }

    /** The result, unless a request failed: a benchmark of failing requests measures nothing. */
    private static LoadGenerator.Result checked(LoadGenerator.Result result, URI uri) {
        if (result.errors() > 0) {
            throw new IllegalStateException(result.errors() + " of " + result.requests() + " requests to " + uri
                    + " failed; the first: " + result.firstError());
        }
        return result;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
