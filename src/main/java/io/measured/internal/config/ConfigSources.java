package io.measured.internal.config;

/** Chooses where settings come from: the server's MicroProfile Config, else the same default sources read directly. */
public final class ConfigSources {

    private ConfigSources() {
    }

    /** Returns MicroProfile Config when the class loader sees an implementation, else {@link DefaultSourcesConfig}. */
    public static RawConfig forClassLoader(ClassLoader classLoader) {
        return MicroProfileConfig.find(classLoader).orElseGet(() -> DefaultSourcesConfig.of(classLoader));
    }
}
