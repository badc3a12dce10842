package io.measured.internal.cdi;

import java.util.List;

/**
 * Every library class with a static initializer, initialized by {@link EagerStart} when an
 * application starts ({@code StaticInitializersTest} checks the list against the compiled classes).
 */
final class StaticInitializers {

    static final List<String> CLASSES = List.of(
            "io.measured.CoreViews",
            "io.measured.MetricsBuffer",
            "io.measured.OperationRecorder",
            "io.measured.OperationStatsList",
            "io.measured.OperationType",
            "io.measured.TypeStats",
            "io.measured.internal.buffer.BufferCore",
            "io.measured.internal.buffer.BufferStatistics",
            "io.measured.internal.buffer.MetadataLimiter",
            "io.measured.internal.buffer.MetricRing",
            "io.measured.internal.buffer.SamplingRates",
            "io.measured.internal.buffer.TypeSummary",
            "io.measured.internal.cdi.BindingResolver",
            "io.measured.internal.cdi.CheckedSettings",
            "io.measured.internal.cdi.EagerStart",
            "io.measured.internal.cdi.MeasuredLifecycle$Literal",
            "io.measured.internal.cdi.MeasuredLiteExtension",
            "io.measured.internal.cdi.RecordingFailures",
            "io.measured.internal.cdi.StartedApplications",
            "io.measured.internal.cdi.StaticInitializers",
            "io.measured.internal.cdi.TelemetryConnection",
            "io.measured.internal.config.Keys",
            "io.measured.internal.config.NumberText",
            "io.measured.internal.faces.RenderTimingListener",
            "io.measured.internal.jdbc.CallerBuffers",
            "io.measured.internal.jdbc.CallerRecorders",
            "io.measured.internal.jdbc.DataSourceTarget",
            "io.measured.internal.jdbc.DbSystem",
            "io.measured.internal.jdbc.JdbcRecorder",
            "io.measured.internal.jdbc.SqlCache",
            "io.measured.internal.jdbc.SqlSummary",
            "io.measured.internal.jdbc.SqlWords",
            "io.measured.internal.otel.OtelApi",
            "io.measured.internal.otel.OtelMetrics",
            "io.measured.internal.rest.ContentCoding",
            "io.measured.internal.rest.Dashboard",
            "io.measured.internal.rest.ExpositionFormat",
            "io.measured.internal.rest.JsonRenderer",
            "io.measured.internal.rest.MetricsResource",
            "io.measured.internal.rest.PrometheusWriter",
            "io.measured.internal.rest.ResourceMethodNames",
            "io.measured.internal.rest.ResponseBody",
            "io.measured.internal.rest.Views",
            "io.measured.internal.stats.BucketBounds",
            "io.measured.internal.stats.OperationCounter",
            "io.measured.internal.stats.OperationRegistry",
            "io.measured.internal.stats.OperationTable",
            "io.measured.internal.stats.Outcomes",
            "io.measured.internal.stats.SlotCloser",
            "io.measured.internal.web.BoundedNames",
            "io.measured.internal.web.RequestNames$1",
            "io.measured.jdbc.DriverRegistration",
            "io.measured.jdbc.DriverSelfRegistration",
            "io.measured.jdbc.MeasuredDriver");

    private StaticInitializers() {
    }
}
