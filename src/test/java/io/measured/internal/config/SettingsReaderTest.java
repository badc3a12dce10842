package io.measured.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.measured.OperationType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsReaderTest {

    private static MeasuredSettings read(Map<String, String> values) {
        return SettingsReader.read(new MapConfig(values));
    }

    private static void assertRejected(Map<String, String> values, String... fragments) {
        assertThatThrownBy(() -> read(values))
                .isInstanceOf(InvalidConfigurationException.class)
                .message().contains(fragments);
    }

    @Test
    @DisplayName("defaults match the documented table")
    void defaults() {
        MeasuredSettings settings = read(Map.of());
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.bufferSize()).isEqualTo(1000);
        assertThat(settings.samplingRates()).containsOnlyKeys(OperationType.values()).containsValues(1.0);
        assertThat(settings.slowThresholdMs()).isEqualTo(1000);
        assertThat(settings.httpEnabled()).isTrue();
        assertThat(settings.httpExclude()).isEmpty();
        assertThat(settings.facesEnabled()).isTrue();
        assertThat(settings.jdbcEnabled()).isTrue();
        assertThat(settings.endpointRole()).isEmpty();
        assertThat(settings.mutationsEnabled()).isFalse();
        assertThat(settings.metadataMaxLength()).isEqualTo(256);
        assertThat(settings.operationsMax()).isEqualTo(1000);
        assertThat(settings.histogramBuckets()).first().isEqualTo(0.0005);
        assertThat(settings.histogramBuckets()).last().isEqualTo(30.0);
    }

    @Test
    void readsEveryKey() {
        MeasuredSettings settings = read(Map.ofEntries(
                Map.entry("measured.enabled", "FALSE"),
                Map.entry("measured.buffer.size", " 5 "),
                Map.entry("measured.sampling.rate", "0.5"),
                Map.entry("measured.sampling.rate.http", "0.1"),
                Map.entry("measured.sampling.rate.service", "0.25"),
                Map.entry("measured.http.exclude", "/health, /static/"),
                Map.entry("measured.faces.enabled", "false"),
                Map.entry("measured.jdbc.enabled", "FALSE"),
                Map.entry("measured.slow.threshold-ms", "250.5"),
                Map.entry("measured.http.enabled", "False"),
                Map.entry("measured.endpoint.role", "metrics-reader"),
                Map.entry("measured.endpoint.mutations", "true"),
                Map.entry("measured.metadata.max-length", "16"),
                Map.entry("measured.operations.max", "100000"),
                Map.entry("measured.histogram.buckets", "0.01, 0.1,1")));
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.bufferSize()).isEqualTo(5);
        assertThat(settings.samplingRates()).containsEntry(OperationType.DATABASE, 0.5)
                .containsEntry(OperationType.RENDER, 0.5).containsEntry(OperationType.HTTP, 0.1)
                .containsEntry(OperationType.SERVICE, 0.25);
        assertThat(settings.httpExclude()).containsExactly("/health", "/static/");
        assertThat(settings.facesEnabled()).isFalse();
        assertThat(settings.jdbcEnabled()).isFalse();
        assertThat(settings.slowThresholdMs()).isEqualTo(250.5);
        assertThat(settings.httpEnabled()).isFalse();
        assertThat(settings.endpointRole()).isEqualTo(Optional.of("metrics-reader"));
        assertThat(settings.mutationsEnabled()).isTrue();
        assertThat(settings.metadataMaxLength()).isEqualTo(16);
        assertThat(settings.operationsMax()).isEqualTo(100_000);
        assertThat(settings.histogramBuckets()).containsExactly(0.01, 0.1, 1.0);
        assertThat(settings.newBuffer().getMaxSize()).isEqualTo(5);
        assertThat(settings.newBuffer().getSlowThresholdMs()).isEqualTo(250.5);
    }

    @Nested
    @DisplayName("unknown keys")
    class UnknownKeys {

        @Test
        @DisplayName("the production typo names the nearest key")
        void pluralTypo() {
            assertRejected(Map.of("measured.sampling.rates", "0.5"),
                    "unknown key 'measured.sampling.rates'", "'0.5'", "did you mean 'measured.sampling.rate'");
        }

        @Test
        void environmentSpellingSuggestsEnvironmentSpelling() {
            assertRejected(Map.of("MEASURED_BUFER_SIZE", "5"),
                    "unknown key 'MEASURED_BUFER_SIZE'", "did you mean 'MEASURED_BUFFER_SIZE (measured.buffer.size)'");
        }

        @Test
        @DisplayName("an environment variable a config also lists in property spelling (SmallRye, Quarkus) is one problem")
        void environmentVariableMirroredInPropertySpelling() {
            assertThatThrownBy(() -> read(Map.of("MEASURED_SAMPLING_RATES", "0.5", "measured.sampling.rates", "0.5")))
                    .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                            .singleElement().asString().startsWith("unknown key 'MEASURED_SAMPLING_RATES' with value '0.5'")
                            .contains("did you mean 'MEASURED_SAMPLING_RATE (measured.sampling.rate)'"));
        }

        @Test
        @DisplayName("a property and an environment variable with different values are two problems")
        void differentValuesAreTwoMistakes() {
            assertThatThrownBy(() -> read(Map.of("MEASURED_SAMPLING_RATES", "0.5", "measured.sampling.rates", "0.7")))
                    .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems()).hasSize(2));
        }

        @Test
        void environmentSpellingOfAValidKeyIsAccepted() {
            assertThat(read(Map.of("MEASURED_SLOW_THRESHOLD_MS", "5")).slowThresholdMs()).isEqualTo(5);
        }

        @Test
        void otherNamespacesAreIgnored() {
            assertThat(read(Map.of("measuredx", "1", "java.version", "17", "PATH", "/bin")).enabled()).isTrue();
        }

        @Test
        void everyProblemIsReportedAtOnce() {
            assertThatThrownBy(() -> read(Map.of("measured.sampling.rates", "0.5", "measured.buffer.size", "0")))
                    .isInstanceOfSatisfying(InvalidConfigurationException.class,
                            e -> assertThat(e.problems()).hasSize(2));
        }
    }

    @Nested
    @DisplayName("invalid values")
    class InvalidValues {

        @ParameterizedTest(name = "{0}=''{1}''")
        @CsvSource(delimiter = '|', value = {
            "measured.enabled|yes|true or false",
            "measured.enabled|1|true or false",
            "measured.http.enabled|on|true or false",
            "measured.endpoint.mutations|TRUE!|true or false",
            "measured.buffer.size|0|1 .. 1000000",
            "measured.buffer.size|1000001|1 .. 1000000",
            "measured.buffer.size|-5|1 .. 1000000",
            "measured.buffer.size|ten|1 .. 1000000",
            "measured.buffer.size|1e3|1 .. 1000000",
            "measured.buffer.size|10.0|1 .. 1000000",
            "measured.buffer.size|99999999999999999999|1 .. 1000000",
            "measured.sampling.rate|1.5|0.0 .. 1.0",
            "measured.sampling.rate|-0.1|0.0 .. 1.0",
            "measured.sampling.rate|NaN|0.0 .. 1.0",
            "measured.sampling.rate|Infinity|0.0 .. 1.0",
            "measured.sampling.rate|half|0.0 .. 1.0",
            "measured.sampling.rate|0x1p-1|0.0 .. 1.0",
            "measured.sampling.rate.database|2|0.0 .. 1.0",
            "measured.sampling.rate.render|0.5f|0.0 .. 1.0",
            "measured.slow.threshold-ms|-1|>= 0",
            "measured.slow.threshold-ms|1s|>= 0",
            "measured.metadata.max-length|15|16 .. 65536",
            "measured.metadata.max-length|65537|16 .. 65536",
            "measured.operations.max|0|1 .. 100000",
            "measured.operations.max|100001|1 .. 100000",
            "measured.endpoint.role|two roles|without white space",
            "measured.histogram.buckets|0.1,0.05|increase strictly",
            "measured.histogram.buckets|0.1,,1|not a number",
            "measured.histogram.buckets|0,1|(0, 1e9]",
            "measured.histogram.buckets|1s|not a number",
            "measured.histogram.buckets|-1|(0, 1e9]",
            "measured.sampling.rate.service|1.01|0.0 .. 1.0",
            "measured.faces.enabled|no|true or false",
            "measured.jdbc.enabled|0|true or false",
            "measured.http.exclude|health|starting with '/'",
            "measured.http.exclude|/health,,/static|starting with '/'",
            "measured.http.exclude|/a b|starting with '/'",
            "measured.http.exclude|/health?x=1|starting with '/'",
            "measured.http.exclude|/%68ealth|as the application sees it",
            "measured.http.exclude|/health;jsessionid=1|as the application sees it",
            "measured.http.exclude|/static/../api|as the application sees it",
            "measured.http.exclude|/./static|as the application sees it",
            "measured.http.exclude|/static//css|as the application sees it",
            "measured.http.exclude|//static|as the application sees it",
            "measured.http.exclude|/static\\css|as the application sees it",
            "measured.http.exclude|/health/..|as the application sees it",
        })
        void nameTheKeyTheValueAndWhatIsValid(String key, String value, String valid) {
            assertRejected(Map.of(key, value), key, "'" + value + "'", valid);
        }

        @ParameterizedTest
        @CsvSource({"measured.buffer.size", "measured.enabled", "measured.sampling.rate", "measured.endpoint.role",
            "measured.http.exclude"})
        void emptyValuesAreRejected(String key) {
            assertRejected(Map.of(key, ""), key, "is empty");
            assertRejected(Map.of(key, "   "), key, "is empty");
        }
    }
}
