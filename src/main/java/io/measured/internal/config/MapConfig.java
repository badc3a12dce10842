package io.measured.internal.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Configuration held in a map: for defaults, and for code that has its values at hand. */
public final class MapConfig implements RawConfig {

    private final Map<String, String> values;

    public MapConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    @Override
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public Set<String> names() {
        return values.keySet();
    }

    @Override
    public String description() {
        return "given properties";
    }
}
