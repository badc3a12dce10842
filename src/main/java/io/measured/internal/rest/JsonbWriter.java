package io.measured.internal.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.OutputStream;

/**
 * The endpoint's own JSON-B instance, apart from {@link JsonRenderer} so that the renderer loads
 * where JSON-B does not (a Quarkus application on Jackson alone): only this class needs it.
 * Thread-safe, as JSON-B instances are.
 */
final class JsonbWriter implements AutoCloseable {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withPropertyNamingStrategy(new SnakeCaseNaming()));

    void toJson(Object value, OutputStream out) {
        jsonb.toJson(value, out);
    }

    @Override
    public void close() throws Exception {
        jsonb.close();
    }
}
