package io.measured.internal.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The server's MicroProfile Config, reached by reflection so that it stays an optional,
 * compile-free dependency. Values come from {@code Config.getConfigValue(name).getValue()}
 * (MicroProfile Config 2.0 and later) or {@code getOptionalValue(name, String.class)}.
 */
final class MicroProfileConfig implements RawConfig {

    private final Object config;
    private final Method propertyNames;
    private final Method configValue;
    private final Method configValueValue;
    private final Method optionalValue;

    MicroProfileConfig(Object config, ClassLoader classLoader) throws ReflectiveOperationException {
        Class<?> configType = Class.forName("org.eclipse.microprofile.config.Config", false, classLoader);
        this.config = configType.cast(config);
        this.propertyNames = configType.getMethod("getPropertyNames");
        this.optionalValue = configType.getMethod("getOptionalValue", String.class, Class.class);
        Method valueMethod = null;
        Method valueOfValue = null;
        try {
            valueMethod = configType.getMethod("getConfigValue", String.class);
            valueOfValue = valueMethod.getReturnType().getMethod("getValue");
        } catch (NoSuchMethodException olderThanTwoDotZero) {
            valueMethod = null;
        }
        this.configValue = valueMethod;
        this.configValueValue = valueOfValue;
    }

    /**
     * Returns the MicroProfile Config the class loader sees, or empty when MicroProfile Config's
     * API or an implementation of it is missing.
     */
    static Optional<RawConfig> find(ClassLoader classLoader) {
        try {
            Class<?> provider = Class.forName("org.eclipse.microprofile.config.ConfigProvider", true, classLoader);
            Object config = provider.getMethod("getConfig", ClassLoader.class).invoke(null, classLoader);
            return Optional.of(new MicroProfileConfig(config, classLoader));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unusable) {
            // No API class, no ConfigProviderResolver implementation (InvocationTargetException),
            // or an API this adapter cannot use: the default sources are read instead.
            return Optional.empty();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<String> value(String name) {
        try {
            if (configValue != null) {
                Object value = configValue.invoke(config, name);
                return Optional.ofNullable(value == null ? null : (String) configValueValue.invoke(value));
            }
            return (Optional<String>) optionalValue.invoke(config, name, String.class);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("MicroProfile Config failed to read '" + name + "'", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("MicroProfile Config cannot be read for '" + name + "'", e);
        }
    }

    @Override
    public Set<String> names() {
        try {
            Set<String> names = new LinkedHashSet<>();
            for (Object name : (Iterable<?>) propertyNames.invoke(config)) {
                names.add(String.valueOf(name));
            }
            return names;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("MicroProfile Config failed to list property names", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("MicroProfile Config property names cannot be read", e);
        }
    }

    @Override
    public String description() {
        return "MicroProfile Config (" + config.getClass().getName() + ")";
    }
}
