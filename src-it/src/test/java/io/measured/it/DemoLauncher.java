package io.measured.it;

import java.net.URI;
import java.util.Map;

/**
 * The demo: Payara Micro with the demo WAR on {@code demo.port} (8080 by default), a little traffic
 * so the metrics are not empty, then the URLs to open. Runs until stopped (Ctrl+C), then stops the
 * server.
 */
public final class DemoLauncher {

    private DemoLauncher() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("demo.port", 8080);
        if (!Ports.isFree(port)) {
            System.err.println("Port " + port + " is taken; stop what uses it or pass -Ddemo.port=<another port>.");
            System.exit(2);
        }
        PayaraMicroServer server = new PayaraMicroServer(port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-payara"));
        System.out.println("Starting Payara Micro with the demo on port " + port + " ...");
        ServerProcess.Deployment deployment = server.start(Map.of());
        if (!deployment.deployed()) {
            System.err.println("The demo did not start:\n" + deployment.failure());
            System.exit(1);
        }
        sendTraffic(new Http(deployment.baseUri()));
        URI local = URI.create("http://localhost:" + port + "/");
        System.out.println();
        System.out.println("measured demo is running. The dashboard: " + local.resolve("api/metrics/dashboard"));
        System.out.println("Also open:");
        for (String path : new String[] {"", "api/metrics", "api/metrics/recent", "api/metrics/slow?threshold_ms=0",
                "api/metrics/operations", "api/metrics/history", "api/notes", "api/notes/1/html", "booking.xhtml"}) {
            System.out.println("  " + local.resolve(path));
        }
        System.out.println("Stop with Ctrl+C.");
        Thread.currentThread().join();
    }

    private static void sendTraffic(Http http) throws Exception {
        String[][] notes = {{"Groceries", "milk, bread"}, {"Ideas", "time every method"}, {"Todo", "read the metrics"}};
        for (String[] note : notes) {
            http.post("api/notes", "{\"title\":\"" + note[0] + "\",\"body\":\"" + note[1] + "\"}");
        }
        for (int i = 0; i < 5; i++) {
            http.get("api/notes");
            http.get("api/notes/" + (1 + i % 3));
            http.get("api/notes/" + (1 + i % 3) + "/html");
        }
        http.get("api/notes/archive");
        http.bytes("api/download?mb=1");
        http.bytes("static/hello.txt");
        http.get("booking.xhtml");
        http.get("hello/world");
        http.get("api/crash");
    }
}
