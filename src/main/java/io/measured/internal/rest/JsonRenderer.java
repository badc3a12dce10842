package io.measured.internal.rest;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the endpoint's JSON with its own JSON-B instance, so the application's JSON-B settings
 * (and ours) never affect each other.
 */
@ApplicationScoped
public class JsonRenderer {

    private static final Logger LOG = Logger.getLogger(JsonRenderer.class.getName());

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

    /** Lifecycle callbacks must not throw checked exceptions (Payara refuses the deployment otherwise). */
    @PreDestroy
    void close() {
        Jsonb current = jsonb;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "measured: closing JSON-B failed", e);
            }
        }
    }
}
