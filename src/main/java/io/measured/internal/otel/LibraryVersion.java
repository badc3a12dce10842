package io.measured.internal.otel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This library's version, as the build wrote it: the OpenTelemetry instrumentation scope's version. */
public final class LibraryVersion {

    private static final String RESOURCE = "version.properties";

    private LibraryVersion() {
    }

    /** The version, such as {@code 0.1.0}; never null. */
    public static String get() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the library's " + RESOURCE + " is missing beside "
                        + LibraryVersion.class.getName());
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the library's " + RESOURCE, e);
        }
    }
}
