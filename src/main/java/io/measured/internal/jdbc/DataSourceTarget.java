package io.measured.internal.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.CommonDataSource;

/**
 * The vendor data source a {@code MeasuredDataSource} wraps: given, or made on first use from its
 * class name and JavaBean properties. Thread-safe; configuration is refused once the vendor object
 * exists.
 */
public final class DataSourceTarget {

    private static final String MEASURED_URL = "jdbc:measured:";

    private String className;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private volatile CommonDataSource vendor;

    public static DataSourceTarget of(CommonDataSource vendor) {
        DataSourceTarget target = new DataSourceTarget();
        target.vendor = vendor;
        return target;
    }

    public synchronized void setClassName(String name) {
        requireUnused("measuredTarget");
        this.className = name == null ? null : name.trim();
    }

    public synchronized String className() {
        return vendor != null && className == null ? vendor.getClass().getName() : className;
    }

    public synchronized void setProperty(String name, String value) {
        requireUnused(name);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a data source property needs a name, was '" + name + "'");
        }
        properties.put(name.trim(), value);
    }

    private void requireUnused(String property) {
        if (vendor != null) {
            throw new IllegalStateException("property '" + property
                    + "' set after the measured data source was first used; configure it before taking connections");
        }
    }

    /** The vendor object as the given interface; makes it on first use. */
    public <T> T as(Class<T> type) throws SQLException {
        CommonDataSource current = vendor;
        if (current == null) {
            current = make();
        }
        if (!type.isInstance(current)) {
            throw new java.sql.SQLFeatureNotSupportedException("measuredTarget " + current.getClass().getName()
                    + " is not a " + type.getName() + "; name a vendor class that is one");
        }
        return type.cast(current);
    }

    private synchronized CommonDataSource make() throws SQLException {
        if (vendor != null) {
            return vendor;
        }
        if (className == null || className.isEmpty()) {
            String url = properties.getOrDefault("url", properties.get("URL"));
            // Every prefix goes, so the URL the driver gets is the vendor's and no measured driver accepts it.
            while (url != null && url.startsWith(MEASURED_URL)) {
                url = "jdbc:" + url.substring(MEASURED_URL.length());
            }
            if (url != null && url.startsWith("jdbc:")) {
                vendor = new DriverManagerSource(url, properties.get("user"), properties.get("password"));
                return vendor;
            }
            throw new SQLException("the measured data source has no property 'measuredTarget' and no jdbc: url: name"
                    + " the vendor data source class to wrap, such as org.h2.jdbcx.JdbcDataSource, or give the url"
                    + " (jdbc:<vendor>:... or jdbc:measured:<vendor>:...) to reach the database through its driver");
        }
        Object made;
        try {
            made = load(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new SQLException("measuredTarget '" + className + "' cannot be made: " + e
                    + "; name a public class with a public no-argument constructor, visible to the application", e);
        }
        if (!(made instanceof CommonDataSource dataSource)) {
            throw new SQLException("measuredTarget '" + className + "' is not a javax.sql data source class");
        }
        for (Map.Entry<String, String> property : properties.entrySet()) {
            apply(dataSource, property.getKey(), property.getValue());
        }
        vendor = dataSource;
        return dataSource;
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            try {
                return Class.forName(name, true, context);
            } catch (ClassNotFoundException notThere) {
                // try the library's own loader
            }
        }
        return Class.forName(name, true, DataSourceTarget.class.getClassLoader());
    }

    /**
     * The standard data source properties of JDBC 4.3 (section 9.6.1). Servers set some of them
     * whether or not the application gave them (Payara sets {@code serverName} and
     * {@code portNumber}), so one the vendor class lacks is skipped rather than refused.
     */
    private static final java.util.Set<String> STANDARD = java.util.Set.of("databaseName", "dataSourceName",
            "description", "networkProtocol", "password", "portNumber", "roleName", "serverName", "user");

    /**
     * Calls {@code set<Name>} taking a String, int, long or boolean; an unknown property is an error,
     * but for a standard one the vendor class does not have.
     */
    private static void apply(Object target, String name, String value) throws SQLException {
        String setter = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method method : target.getClass().getMethods()) {
            if (method.getParameterCount() == 1 && method.getName().equalsIgnoreCase(setter)) {
                Class<?> type = method.getParameterTypes()[0];
                try {
                    if (type == String.class) {
                        method.invoke(target, value);
                    } else if (type == int.class || type == Integer.class) {
                        method.invoke(target, Integer.parseInt(value.trim()));
                    } else if (type == long.class || type == Long.class) {
                        method.invoke(target, Long.parseLong(value.trim()));
                    } else if (type == boolean.class || type == Boolean.class) {
                        method.invoke(target, Boolean.parseBoolean(value.trim()));
                    } else {
                        continue;
                    }
                    return;
                } catch (NumberFormatException e) {
                    throw new SQLException("data source property '" + name + "'='" + value + "' is not a number, as "
                            + target.getClass().getName() + "." + method.getName() + " needs", e);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new SQLException("data source property '" + name + "' could not be set on "
                            + target.getClass().getName() + ": " + e, e);
                }
            }
        }
        if (STANDARD.contains(name)) {
            return;
        }
        throw new SQLException("data source property '" + name + "' has no setter on " + target.getClass().getName()
                + "; valid properties are those of its set... methods taking a String, int, long or boolean");
    }
}
