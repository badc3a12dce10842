package io.measured.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.measured.internal.config.InvalidConfigurationException;
import io.measured.internal.config.MapConfig;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CheckedSettingsTest {

    private final List<LogRecord> severe = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(MeasuredExtension.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel() == Level.SEVERE) {
                severe.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

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
            assertThat(severe).singleElement().extracting(LogRecord::getMessage).asString()
                    .contains("unknown key 'measured.bufer.size'", "did you mean 'measured.buffer.size'?");

            assertThatThrownBy(() -> CheckedSettings.read(typo, redeployed)).isInstanceOf(InvalidConfigurationException.class);
            assertThat(severe).as("another application (or a redeployment) logs its own").hasSize(2);
            assertThatThrownBy(() -> CheckedSettings.read(new MapConfig(Map.of("measured.buffer.size", "-1")), application))
                    .isInstanceOf(InvalidConfigurationException.class);
            assertThat(severe).as("another mistake in the same application is logged too").hasSize(3);
        }
    }
}
