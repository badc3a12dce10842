package io.measured;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Records by hand with metadata, as a user does for SQL text. */
@ApplicationScoped
public class ManualRecorder {

    @Inject
    MetricsBuffer buffer;

    public void query(String sql, double ms) {
        buffer.record(OperationType.DATABASE, "raw query", ms, Map.of("sql", sql));
    }
}
