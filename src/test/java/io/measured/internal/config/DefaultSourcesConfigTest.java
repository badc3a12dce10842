package io.measured.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultSourcesConfigTest {

    @TempDir
    Path dir;

    private URL file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path.toUri().toURL();
    }

    @Test
    void systemPropertiesBeatEnvironmentBeatFiles() throws IOException {
        URL file = file("a.properties", "measured.buffer.size=100\nmeasured.sampling.rate=0.1\nmeasured.enabled=false\n");
        DefaultSourcesConfig config = new DefaultSourcesConfig(
                Map.of("measured.buffer.size", "400"),
                Map.of("MEASURED_BUFFER_SIZE", "300", "MEASURED_SAMPLING_RATE", "0.3"),
                List.of(file));
        assertThat(config.value("measured.buffer.size")).contains("400");
        assertThat(config.value("measured.sampling.rate")).contains("0.3");
        assertThat(config.value("measured.enabled")).contains("false");
        assertThat(config.value("measured.http.enabled")).isEmpty();
    }

    @Test
    void environmentUsesMicroProfileNameMapping() {
        DefaultSourcesConfig exact = new DefaultSourcesConfig(Map.of(), Map.of("measured.buffer.size", "1"), List.of());
        DefaultSourcesConfig sanitized = new DefaultSourcesConfig(Map.of(), Map.of("measured_buffer_size", "2"), List.of());
        DefaultSourcesConfig upper = new DefaultSourcesConfig(Map.of(), Map.of("MEASURED_SLOW_THRESHOLD_MS", "3"), List.of());
        assertThat(exact.value("measured.buffer.size")).contains("1");
        assertThat(sanitized.value("measured.buffer.size")).contains("2");
        assertThat(upper.value("measured.slow.threshold-ms")).contains("3");
    }

    @Test
    void filesOrderByTheirOwnOrdinal() throws IOException {
        URL low = file("low.properties", "measured.buffer.size=1\n");
        URL high = file("high.properties", "config_ordinal=200\nmeasured.buffer.size=2\n");
        DefaultSourcesConfig config = new DefaultSourcesConfig(Map.of(), Map.of(), List.of(low, high));
        assertThat(config.value("measured.buffer.size")).contains("2");
    }

    @Test
    void namesComeFromEverySource() throws IOException {
        URL file = file("a.properties", "measured.sampling.rates=0.5\n");
        DefaultSourcesConfig config = new DefaultSourcesConfig(
                Map.of("measured.enabled", "true"), Map.of("MEASURED_X", "1"), List.of(file));
        assertThat(config.names()).contains("measured.enabled", "MEASURED_X", "measured.sampling.rates");
        assertThatThrownBy(() -> SettingsReader.read(config))
                .hasMessageContaining("measured.sampling.rates").hasMessageContaining("MEASURED_X");
    }

    @Test
    void aMalformedOrdinalNamesTheFile() throws IOException {
        URL bad = file("bad.properties", "config_ordinal=high\n");
        assertThatThrownBy(() -> new DefaultSourcesConfig(Map.of(), Map.of(), List.of(bad)))
                .hasMessageContaining("config_ordinal").hasMessageContaining("high").hasMessageContaining("bad.properties");
    }

    @Test
    void findsTheClassPathFile() {
        DefaultSourcesConfig config = DefaultSourcesConfig.of(getClass().getClassLoader());
        assertThat(config.description()).contains("1 " + DefaultSourcesConfig.CONFIG_FILE);
        assertThat(config.value("test.marker")).contains("from-test-resources");
    }

    @Test
    void withoutAMicroProfileConfigImplementationTheDefaultSourcesAreRead() {
        assertThat(ConfigSources.forClassLoader(getClass().getClassLoader())).isInstanceOf(DefaultSourcesConfig.class);
    }
}
