package io.measured.internal.rest;

import jakarta.json.bind.config.PropertyNamingStrategy;
import java.util.Locale;

/**
 * camelCase to snake_case, where every upper-case letter starts a word: {@code p95DurationMs}
 * becomes {@code p95_duration_ms} (JSON-B's own strategy would give {@code p95duration_ms}).
 */
public final class SnakeCaseNaming implements PropertyNamingStrategy {

    @Override
    public String translateName(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
