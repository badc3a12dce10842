package io.measured.it;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver on a free loopback port, standing in for an OpenTelemetry Collector:
 * accepts {@code POST /v1/metrics} and {@code POST /v1/traces} as {@code application/x-protobuf},
 * gzipped or not, and keeps every histogram point and span it decodes in a {@link ReceivedTelemetry}.
 * Anything else is refused with a status that says why (404 for another path, 405 for another
 * method, 415 for JSON or another content type, 400 for a body that does not decode) and kept as a
 * refusal, so a server exporting somewhere else or in another encoding shows up in the test's message.
 */
final class OtlpReceiver implements AutoCloseable {

    private static final String PROTOBUF = "application/x-protobuf";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final ReceivedTelemetry telemetry = new ReceivedTelemetry();
    private final List<String> refusals = new ArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        OtlpReceiver receiver = new OtlpReceiver(server);
        server.createContext("/", receiver::handle);
        server.setExecutor(receiver.executor);
        server.start();
        return receiver;
    }

    /** The base URI exporters are given as {@code otel.exporter.otlp.endpoint}. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * The OpenTelemetry SDK settings that make a runtime export here: traces and metrics over
     * OTLP/HTTP protobuf, metrics every second, spans after 100 ms, no logs, every trace sampled
     * (unless a caller's {@code traceparent} says otherwise).
     */
    Map<String, String> exporterSettings() {
        return Map.of(
                "otel.sdk.disabled", "false",
                "otel.exporter.otlp.endpoint", endpoint().toString(),
                "otel.exporter.otlp.protocol", "http/protobuf",
                "otel.metrics.exporter", "otlp",
                "otel.traces.exporter", "otlp",
                "otel.logs.exporter", "none",
                "otel.metric.export.interval", "1000",
                "otel.bsp.schedule.delay", "100",
                "otel.traces.sampler", "parentbased_always_on");
    }

    ReceivedTelemetry telemetry() {
        return telemetry;
    }

    /** What was refused so far, one line each (method, path, content type, reason). */
    synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (!path.equals("/v1/metrics") && !path.equals("/v1/traces")) {
                refuse(exchange, 404, "only /v1/metrics and /v1/traces are received");
            } else if (!"POST".equals(exchange.getRequestMethod())) {
                refuse(exchange, 405, "OTLP/HTTP exports are POSTed");
            } else if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(PROTOBUF)) {
                refuse(exchange, 415, "only " + PROTOBUF + " is received");
            } else {
                receive(exchange, path, body(exchange));
            }
        }
    }

    private void receive(HttpExchange exchange, String path, byte[] body) throws IOException {
        byte[] answer;
        try {
            if (path.equals("/v1/metrics")) {
                telemetry.add(ExportMetricsServiceRequest.parseFrom(body));
                answer = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            } else {
                telemetry.add(ExportTraceServiceRequest.parseFrom(body));
                answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            }
        } catch (InvalidProtocolBufferException e) {
            refuse(exchange, 400, "the body does not decode: " + e.getMessage());
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
        exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
        exchange.getResponseBody().write(answer);
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        boolean gzipped = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        try (InputStream in = gzipped ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private void refuse(HttpExchange exchange, int status, String reason) throws IOException {
        synchronized (this) {
            refusals.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " ("
                    + exchange.getRequestHeaders().getFirst("Content-Type") + "): " + status + " " + reason);
        }
        byte[] message = reason.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, message.length);
        exchange.getResponseBody().write(message);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
