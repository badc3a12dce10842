package io.measured.internal.config;

import java.util.Optional;
import java.util.Set;

/** A read-only view of configuration properties: the names present and their values. */
public interface RawConfig {

    /**
     * Returns the value of a property as its highest-ordinal source gives it; empty when absent.
     * A present but empty value is returned as {@code ""}.
     */
    Optional<String> value(String name);

    /** Returns the names of all properties present in any source, in the sources' own spelling. */
    Set<String> names();

    /** Describes where values come from, for log messages. */
    String description();
}
