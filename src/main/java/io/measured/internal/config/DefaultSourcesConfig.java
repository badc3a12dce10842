package io.measured.internal.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * MicroProfile Config's default sources, read without MicroProfile Config: system properties
 * (ordinal 400), environment variables (300, with MicroProfile's name mapping) and every
 * {@code META-INF/microprofile-config.properties} on the class path (100, or the file's own
 * {@code config_ordinal}). The highest ordinal wins; between files of equal ordinal, the first
 * found wins.
 */
public final class DefaultSourcesConfig implements RawConfig {

    static final String CONFIG_FILE = "META-INF/microprofile-config.properties";
    private static final String ORDINAL_KEY = "config_ordinal";

    private record FileSource(int ordinal, Map<String, String> values) {
    }

    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;
    private final List<FileSource> files;

    DefaultSourcesConfig(Map<String, String> systemProperties, Map<String, String> environment, List<URL> fileUrls) {
        this.systemProperties = Map.copyOf(systemProperties);
        this.environment = Map.copyOf(environment);
        List<FileSource> loaded = new ArrayList<>();
        for (URL url : fileUrls) {
            loaded.add(load(url));
        }
        loaded.sort(Comparator.comparingInt(FileSource::ordinal).reversed());
        this.files = List.copyOf(loaded);
    }

    /** Reads the live system properties and environment, and the files the class loader sees. */
    public static DefaultSourcesConfig of(ClassLoader classLoader) {
        Map<String, String> properties = new java.util.HashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            String value = System.getProperty(name);
            if (value != null) {
                properties.put(name, value);
            }
        }
        return new DefaultSourcesConfig(properties, System.getenv(), findFiles(classLoader));
    }

    private static List<URL> findFiles(ClassLoader classLoader) {
        try {
            Enumeration<URL> urls = classLoader.getResources(CONFIG_FILE);
            return Collections.list(urls);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + CONFIG_FILE + " resources", e);
        }
    }

    private static FileSource load(URL url) {
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + url, e);
        }
        Map<String, String> values = new java.util.HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        int ordinal = 100;
        String declared = values.get(ORDINAL_KEY);
        if (declared != null) {
            try {
                ordinal = Integer.parseInt(declared.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ORDINAL_KEY + "='" + declared + "' in " + url
                        + " is not valid; valid values are whole numbers", e);
            }
        }
        return new FileSource(ordinal, values);
    }

    @Override
    public Optional<String> value(String name) {
        String value = systemProperties.get(name);
        if (value == null) {
            value = fromEnvironment(name);
        }
        if (value == null) {
            for (FileSource file : files) {
                value = file.values.get(name);
                if (value != null) {
                    break;
                }
            }
        }
        return Optional.ofNullable(value);
    }

    private String fromEnvironment(String name) {
        String value = environment.get(name);
        if (value == null) {
            value = environment.get(Keys.sanitized(name));
        }
        if (value == null) {
            value = environment.get(Keys.environmentName(name));
        }
        return value;
    }

    @Override
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>(systemProperties.keySet());
        names.addAll(environment.keySet());
        for (FileSource file : files) {
            names.addAll(file.values.keySet());
        }
        return names;
    }

    @Override
    public String description() {
        return "system properties, environment variables and " + files.size() + " " + CONFIG_FILE + " file(s)";
    }
}
