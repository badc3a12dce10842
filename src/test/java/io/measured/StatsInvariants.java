package io.measured;

import java.util.ArrayList;
import java.util.List;

/** What every {@link MetricsStats} snapshot must satisfy, however it raced with writers. */
public final class StatsInvariants {

    private StatsInvariants() {
    }

    /**
     * The broken invariants, empty when none: the count within the bound, and per type
     * min <= p50 <= p95 <= p99 <= max and min <= avg <= max.
     */
    public static List<String> violations(MetricsStats stats) {
        List<String> violations = new ArrayList<>();
        if (stats.totalCount() > stats.maxSize()) {
            violations.add("buffer holds " + stats.totalCount() + " of at most " + stats.maxSize());
        }
        for (TypeStats type : stats.byType().values()) {
            boolean ordered = type.minDurationMs() <= type.p50DurationMs()
                    && type.p50DurationMs() <= type.p95DurationMs()
                    && type.p95DurationMs() <= type.p99DurationMs()
                    && type.p99DurationMs() <= type.maxDurationMs()
                    && type.avgDurationMs() >= type.minDurationMs()
                    && type.avgDurationMs() <= type.maxDurationMs();
            if (!ordered) {
                violations.add("inconsistent " + type);
            }
        }
        return violations;
    }
}
