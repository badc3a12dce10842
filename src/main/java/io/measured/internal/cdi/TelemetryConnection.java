package io.measured.internal.cdi;

import io.measured.MetricsBuffer;
import io.measured.OperationType;
import io.measured.internal.buffer.CoreAccess;
import io.measured.internal.config.MeasuredSettings;
import io.measured.internal.otel.LibraryVersion;
import io.measured.internal.otel.Spans;
import io.measured.internal.otel.Telemetry;
import jakarta.enterprise.inject.Instance;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Links a new application buffer to the application's OpenTelemetry, once, when the buffer is made:
 * the {@code io.opentelemetry.api.OpenTelemetry} CDI bean (as MicroProfile Telemetry runtimes
 * provide), else the one registered with {@code GlobalOpenTelemetry} (by an agent or the
 * application), else trace ids alone where the API is visible. Says in one log line what it found.
 */
final class TelemetryConnection {

    private static final Logger LOG = Logger.getLogger(TelemetryConnection.class.getName());

    private TelemetryConnection() {
    }

    /**
     * Links {@code buffer}, the instance itself (never a client proxy), unless the settings turn
     * OpenTelemetry off or the API is not visible; never throws (a failure is logged and leaves the
     * buffer unlinked).
     */
    static void link(MetricsBuffer buffer, MeasuredSettings settings, Instance<Object> beans) {
        if (!settings.otelEnabled()) {
            LOG.log(Level.INFO, "measured: OpenTelemetry not used (measured.otel.enabled=false)");
            return;
        }
        if (!Spans.apiVisible()) {
            LOG.log(Level.INFO, "measured: OpenTelemetry not used: its API is not visible to the application ({0})."
                    + " Where the runtime has OpenTelemetry it should be (in Quarkus, add quarkus-opentelemetry); Open"
                    + " Liberty''s mpTelemetry shows it only with <classloader apiTypeVisibility=\"+third-party\"/> on the"
                    + " application", Spans.apiAbsence());
            return;
        }
        try {
            String source = "CDI";
            Object openTelemetry = fromCdi(beans);
            if (openTelemetry == null) {
                source = "GlobalOpenTelemetry";
                openTelemetry = Spans.globalIfSet();
            }
            boolean[] bridged = new boolean[OperationType.values().length];
            String[] keys = new String[bridged.length];
            for (OperationType type : OperationType.values()) {
                bridged[type.ordinal()] = settings.otelTypes().contains(type);
                keys[type.ordinal()] = type.key();
            }
            Telemetry telemetry = Telemetry.connect(openTelemetry, bridged, keys, settings.histogramBuckets(),
                    LibraryVersion.get());
            CoreAccess.of(buffer).attach(telemetry);
            String types = settings.otelTypes().stream().map(OperationType::key).collect(Collectors.joining(","));
            if (openTelemetry == null) {
                LOG.log(Level.INFO, "measured: OpenTelemetry API visible but no OpenTelemetry instance (neither a CDI"
                        + " bean nor GlobalOpenTelemetry): trace ids on records and exemplars only, no metrics bridge");
            } else if (!telemetry.bridging() && Telemetry.metricsAbsence() != null) {
                LOG.log(Level.INFO, "measured: OpenTelemetry from {0}: trace ids on records and exemplars; no metrics"
                        + " bridge, this OpenTelemetry API lacks what it needs ({1})",
                        new Object[] {source, Telemetry.metricsAbsence()});
            } else {
                LOG.log(Level.INFO, "measured: OpenTelemetry from {0}: trace ids on records, exemplars, and the metrics"
                        + " bridge for {1}{2}", new Object[] {source, types,
                            Telemetry.bucketAdvice() ? "" : " (with the SDK's default buckets: this API takes no bucket advice)"});
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "measured: OpenTelemetry not used: linking to it failed", e);
        }
    }

    private static Object fromCdi(Instance<Object> beans) {
        Instance<?> found = beans.select(Spans.openTelemetryType());
        return found.isResolvable() ? found.get() : null;
    }
}
