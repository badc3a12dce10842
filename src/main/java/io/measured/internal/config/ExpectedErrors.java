package io.measured.internal.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The exception classes the setting {@link Keys#ERRORS_EXPECTED} names, loaded from the
 * application's class loader: a name the application cannot load, or a class that is no exception,
 * is a configuration error, reported when the application deploys.
 */
public final class ExpectedErrors {

    private ExpectedErrors() {
    }

    /** Whether {@code name} has the form of a binary class name: Java identifiers joined by dots. */
    static boolean isBinaryName(String name) {
        if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            return false;
        }
        for (String part : name.split("\\.")) {
            if (!Character.isJavaIdentifierStart(part.charAt(0))
                    || !part.chars().skip(1).allMatch(Character::isJavaIdentifierPart)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Loads the named classes.
     *
     * @throws InvalidConfigurationException naming each class that cannot be loaded or is no
     *         {@link Throwable}
     */
    public static List<Class<? extends Throwable>> load(List<String> names, ClassLoader loader) {
        List<Class<? extends Throwable>> loaded = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (Throwable.class.isAssignableFrom(type)) {
                    loaded.add(type.asSubclass(Throwable.class));
                } else {
                    problems.add(Keys.ERRORS_EXPECTED + " names '" + name + "', which is not an exception (a "
                            + type.getSuperclass() + "); valid values are comma-separated class names of exceptions");
                }
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(Keys.ERRORS_EXPECTED + " names '" + name + "', which the application cannot load ("
                        + e + "); valid values are comma-separated class names of exceptions the application sees,"
                        + " such as jakarta.persistence.NoResultException");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return List.copyOf(loaded);
    }
}
