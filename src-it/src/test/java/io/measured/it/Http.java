package io.measured.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for one server. */
final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient client;

    Http(URI base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    private Http(URI base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    /** A client that keeps the cookies the server sets, as a browser does (Faces postbacks need the session). */
    static Http withCookies(URI base) {
        return new Http(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .cookieHandler(new java.net.CookieManager()).build());
    }

    URI base() {
        return base;
    }

    /** A form post, as a browser sends it. */
    HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** A request with any method name, standard or not, and no body. */
    HttpResponse<String> method(String method, String path) throws IOException, InterruptedException {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** A request with HTTP Basic credentials. */
    HttpResponse<String> send(String method, String path, String user, String password, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (user != null) {
            String token = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        return send(builder.build());
    }

    HttpResponse<String> postText(String path, String text) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build());
    }

    /**
     * A GET of a path sent exactly as given ({@code static/%2e%2e/api/notes}, {@code hello;x=1/there}):
     * unlike {@link #get(String)}, no dot segment is resolved before sending.
     */
    HttpResponse<String> getRaw(String rawPath) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + rawPath)).timeout(TIMEOUT).GET().build());
    }

    HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return send(request(path).header("Accept", accept).GET().build());
    }

    HttpResponse<String> get(String path, String accept, String acceptEncoding) throws IOException, InterruptedException {
        return send(request(path).header("Accept", accept).header("Accept-Encoding", acceptEncoding).GET().build());
    }

    HttpResponse<InputStream> stream(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET with the given request headers (name, value, name, value ...), its body as bytes. */
    HttpResponse<byte[]> bytes(String path, String... headers) throws IOException, InterruptedException {
        return client.send(request(path).headers(headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject object(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    static JsonArray array(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }
}
