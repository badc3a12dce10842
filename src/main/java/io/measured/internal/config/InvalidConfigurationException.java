package io.measured.internal.config;

import java.util.List;

/** Thrown when {@code measured.*} configuration holds an unknown key or an invalid value. */
public final class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidConfigurationException(List<String> problems) {
        super("Invalid measured configuration (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, naming the key, the value and what is valid. */
    public List<String> problems() {
        return problems;
    }
}
