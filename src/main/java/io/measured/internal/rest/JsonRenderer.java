package io.measured.internal.rest;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

/**
 * Writes the endpoint's JSON with its own JSON-B instance, so the application's JSON-B settings
 * (and ours) never affect each other.
 */
@ApplicationScoped
public class JsonRenderer {

    private volatile Jsonb jsonb;

    String toJson(Object value) {
        return jsonb().toJson(value);
    }

    private Jsonb jsonb() {
        Jsonb current = jsonb;
        if (current == null) {
            synchronized (this) {
                current = jsonb;
                if (current == null) {
                    current = JsonbBuilder.create(new JsonbConfig().withPropertyNamingStrategy(new SnakeCaseNaming()));
                    jsonb = current;
                }
            }
        }
        return current;
    }

    @PreDestroy
    void close() throws Exception {
        Jsonb current = jsonb;
        if (current != null) {
            current.close();
        }
    }
}
