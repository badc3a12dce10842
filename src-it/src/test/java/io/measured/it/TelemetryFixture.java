package io.measured.it;

/** What the telemetry contracts share: the demo, the receiver it exports to, and the calls made. */
interface TelemetryFixture {

    Http http();

    OtlpReceiver receiver();

    TelemetryWorkload workload();

    /** The server's console log so far. */
    String serverLog();
}
