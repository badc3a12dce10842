package io.measured.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.measured.LoggedRecords;
import io.measured.internal.config.InvalidConfigurationException;
import io.measured.internal.config.MapConfig;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CheckedSettingsTest {

    @RegisterExtension
    final LoggedRecords logs = LoggedRecords.of(MeasuredExtension.class);

    @Test
    @DisplayName("an invalid configuration fails every attempt, and is logged once per application however often it is read")
    void aMistakeIsLoggedOncePerApplication() throws Exception {
        MapConfig typo = new MapConfig(Map.of("measured.bufer.size", "10"));
        try (URLClassLoader application = new URLClassLoader(new URL[0], getClass().getClassLoader());
                URLClassLoader redeployed = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> CheckedSettings.read(typo, application))
                        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("measured.buffer.size");
            }
            assertThat(logs.atLeast(Level.SEVERE)).singleElement().extracting(LogRecord::getMessage).asString()
                    .contains("unknown key 'measured.bufer.size'", "did you mean 'measured.buffer.size'?");

            assertThatThrownBy(() -> CheckedSettings.read(typo, redeployed)).isInstanceOf(InvalidConfigurationException.class);
            assertThat(logs.atLeast(Level.SEVERE)).as("another application (or a redeployment) logs its own").hasSize(2);
            assertThatThrownBy(() -> CheckedSettings.read(new MapConfig(Map.of("measured.buffer.size", "-1")), application))
                    .isInstanceOf(InvalidConfigurationException.class);
            assertThat(logs.atLeast(Level.SEVERE)).as("another mistake in the same application is logged too").hasSize(3);
        }
    }
}
