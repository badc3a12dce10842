package io.measured;

/**
 * One bucket of an operation's cumulative latency histogram, Prometheus style: how many calls took
 * at most {@code upperBoundSeconds}. Immutable and thread-safe.
 *
 * @param upperBoundSeconds the bucket's inclusive upper bound in seconds; positive, or
 *        {@link Double#POSITIVE_INFINITY} for the last bucket
 * @param cumulativeCount how many calls took at most the bound; never decreases from one bucket
 *        to the next
 */
public record HistogramBucket(double upperBoundSeconds, long cumulativeCount) {
}
