package io.measured.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

/** The reflective adapter against MicroProfile Config's real API types. */
class MicroProfileConfigTest {

    /** A MicroProfile Config over a map, as a server's implementation would answer. */
    static final class MapBackedConfig implements Config {

        private final Map<String, String> values;

        MapBackedConfig(Map<String, String> values) {
            this.values = values;
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            String value = values.get(name);
            return new ConfigValue() {
                @Override
                public String getName() {
                    return name;
                }

                @Override
                public String getValue() {
                    return value;
                }

                @Override
                public String getRawValue() {
                    return value;
                }

                @Override
                public String getSourceName() {
                    return "map";
                }

                @Override
                public int getSourceOrdinal() {
                    return 100;
                }
            };
        }

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            return Optional.ofNullable(values.get(name)).map(type::cast);
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return java.util.List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new IllegalArgumentException(type.getName());
        }
    }

    @Test
    void readsValuesAndNamesThroughTheApi() throws ReflectiveOperationException {
        MicroProfileConfig config = new MicroProfileConfig(
                new MapBackedConfig(Map.of("measured.buffer.size", "7", "measured.sampling.rates", "0.5")),
                getClass().getClassLoader());
        assertThat(config.value("measured.buffer.size")).contains("7");
        assertThat(config.value("measured.enabled")).isEmpty();
        assertThat(config.names()).containsExactlyInAnyOrder("measured.buffer.size", "measured.sampling.rates");
        assertThat(config.description()).contains(MapBackedConfig.class.getName());
    }

    @Test
    void aNamePresentWithoutValueCountsAsEmpty() throws ReflectiveOperationException {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("measured.buffer.size", null);
        MicroProfileConfig config = new MicroProfileConfig(new MapBackedConfig(values), getClass().getClassLoader());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SettingsReader.read(config))
                .hasMessageContaining("measured.buffer.size").hasMessageContaining("is empty");
    }

    @Test
    void apiWithoutImplementationIsNotFound() {
        assertThat(MicroProfileConfig.find(getClass().getClassLoader())).isEmpty();
    }
}
