package io.measured.internal.config;

import io.measured.MetricsBuffer;
import io.measured.OperationType;
import io.measured.internal.stats.BucketBounds;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and validates the {@code measured.*} settings. Every problem is collected, so one failed
 * deployment reports all of them; each names the key, the value and what is valid.
 */
public final class SettingsReader {

    private final RawConfig config;
    private final List<String> problems = new ArrayList<>();

    private SettingsReader(RawConfig config) {
        this.config = config;
    }

    /**
     * Reads the settings.
     *
     * @throws InvalidConfigurationException naming every unknown key and invalid value
     */
    public static MeasuredSettings read(RawConfig config) {
        return new SettingsReader(config).read();
    }

    private MeasuredSettings read() {
        rejectUnknownKeys();
        boolean enabled = bool(Keys.ENABLED, true);
        int bufferSize = integer(Keys.BUFFER_SIZE, 1000, 1, 1_000_000);
        double globalRate = rate(Keys.SAMPLING_RATE, 1.0);
        Map<OperationType, Double> rates = new EnumMap<>(OperationType.class);
        for (OperationType type : OperationType.values()) {
            rates.put(type, rate(Keys.SAMPLING_RATE_PREFIX + type.key(), globalRate));
        }
        double slowThreshold = decimal(Keys.SLOW_THRESHOLD_MS, 1000, 0, Double.MAX_VALUE, "a number >= 0");
        boolean httpEnabled = bool(Keys.HTTP_ENABLED, true);
        List<String> httpExclude = pathPrefixes(Keys.HTTP_EXCLUDE);
        boolean facesEnabled = bool(Keys.FACES_ENABLED, true);
        boolean jdbcEnabled = bool(Keys.JDBC_ENABLED, true);
        Optional<String> role = role();
        boolean mutations = bool(Keys.ENDPOINT_MUTATIONS, false);
        int metadataMaxLength = integer(Keys.METADATA_MAX_LENGTH, 256, 16, 65_536);
        int operationsMax = integer(Keys.OPERATIONS_MAX, MetricsBuffer.DEFAULT_MAX_OPERATIONS, 1,
                MetricsBuffer.LARGEST_MAX_OPERATIONS);
        List<Double> buckets = buckets();
        List<String> expectedErrors = classNames(Keys.ERRORS_EXPECTED);
        boolean otelEnabled = bool(Keys.OTEL_ENABLED, true);
        Set<OperationType> otelTypes = types(Keys.OTEL_TYPES,
                EnumSet.of(OperationType.DATABASE, OperationType.RENDER, OperationType.SERVICE));
        Optional<String> traceUrl = traceUrl();
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return new MeasuredSettings(enabled, bufferSize, rates, slowThreshold, httpEnabled, httpExclude, facesEnabled,
                jdbcEnabled, role, mutations, metadataMaxLength, operationsMax, buckets, expectedErrors,
                otelEnabled, otelTypes, traceUrl);
    }

    private void rejectUnknownKeys() {
        Set<String> names = new TreeSet<>(config.names());
        for (String name : names) {
            if (Keys.isOurs(name) && Keys.canonical(name) == null && !mirrorsEnvironmentVariable(name, names)) {
                String nearest = Keys.nearest(name);
                boolean envSpelling = name.equals(name.toUpperCase(Locale.ROOT));
                String suggestion = envSpelling ? Keys.environmentName(nearest) + " (" + nearest + ")" : nearest;
                problems.add("unknown key '" + name + "' with value '" + config.value(name).orElse("")
                        + "'; did you mean '" + suggestion + "'? Valid keys: " + String.join(", ", Keys.ALL));
            }
        }
    }

    /**
     * Whether a name in property spelling only repeats an environment variable: SmallRye Config
     * (Quarkus) lists {@code MEASURED_SAMPLING_RATES} also as {@code measured.sampling.rates}. One
     * mistake is reported once, as the user spelled it.
     */
    private boolean mirrorsEnvironmentVariable(String name, Set<String> names) {
        String variable = Keys.environmentName(name);
        return !variable.equals(name) && names.contains(variable) && config.value(variable).equals(config.value(name));
    }

    /** Returns the trimmed value, or empty when absent; records a problem for an empty value. */
    private Optional<String> text(String key) {
        Optional<String> value = config.value(key);
        if (value.isEmpty()) {
            value = underOtherSpelling(key);
        }
        if (value.isPresent() && value.get().isBlank()) {
            problems.add(key + "='" + value.get() + "' is empty; remove the key for the default or give a value");
            return Optional.empty();
        }
        return value.map(String::trim);
    }

    /**
     * A source may list a key in environment-variable spelling that the config does not map back,
     * or list a name whose value it reports as missing because it is empty (MicroProfile Config
     * treats empty values as missing); the latter counts as empty, not absent.
     */
    private Optional<String> underOtherSpelling(String key) {
        for (String name : config.names()) {
            if (key.equals(Keys.canonical(name))) {
                return Optional.of(config.value(name).orElse(""));
            }
        }
        return Optional.empty();
    }

    private boolean bool(String key, boolean defaultValue) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        if (value.get().equalsIgnoreCase("true")) {
            return true;
        }
        if (value.get().equalsIgnoreCase("false")) {
            return false;
        }
        problems.add(key + "='" + value.get() + "' is not valid; valid values are true or false (any case)");
        return defaultValue;
    }

    private int integer(String key, int defaultValue, int min, int max) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String range = "a whole number within " + min + " .. " + max;
        if (!NumberText.INTEGER.matcher(value.get()).matches()) {
            problems.add(key + "='" + value.get() + "' is not valid; valid values are " + range);
            return defaultValue;
        }
        long parsed = Long.parseLong(value.get());
        if (parsed < min || parsed > max) {
            problems.add(key + "='" + value.get() + "' is out of range; valid values are " + range);
            return defaultValue;
        }
        return (int) parsed;
    }

    private double rate(String key, double defaultValue) {
        return decimal(key, defaultValue, 0.0, 1.0, "a number within 0.0 .. 1.0");
    }

    private double decimal(String key, double defaultValue, double min, double max, String valid) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        if (!NumberText.DECIMAL.matcher(value.get()).matches()) {
            problems.add(key + "='" + value.get() + "' is not valid; valid values are " + valid);
            return defaultValue;
        }
        double parsed = Double.parseDouble(value.get());
        if (!(parsed >= min && parsed <= max)) {
            problems.add(key + "='" + value.get() + "' is out of range; valid values are " + valid);
            return defaultValue;
        }
        return parsed;
    }

    private List<Double> buckets() {
        Optional<String> value = text(Keys.HISTOGRAM_BUCKETS);
        if (value.isEmpty()) {
            return BucketBounds.DEFAULT_SECONDS;
        }
        String valid = "1 .. " + BucketBounds.MAX_BUCKETS
                + " comma-separated numbers of seconds, each within (0, 1e9], strictly increasing, such as 0.005,0.05,0.5,5";
        List<Double> bounds = new ArrayList<>();
        for (String part : value.get().split(",", -1)) {
            String bound = part.trim();
            if (!NumberText.DECIMAL.matcher(bound).matches()) {
                problems.add(Keys.HISTOGRAM_BUCKETS + "='" + value.get() + "' is not valid: '" + bound
                        + "' is not a number; valid values are " + valid);
                return BucketBounds.DEFAULT_SECONDS;
            }
            bounds.add(Double.parseDouble(bound));
        }
        try {
            new BucketBounds(bounds);
        } catch (IllegalArgumentException e) {
            problems.add(Keys.HISTOGRAM_BUCKETS + "='" + value.get() + "' is not valid: " + e.getMessage()
                    + "; valid values are " + valid);
            return BucketBounds.DEFAULT_SECONDS;
        }
        return bounds;
    }

    /** Comma-separated path prefixes, each one {@link PathPrefix#problem} accepts. */
    private List<String> pathPrefixes(String key) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> prefixes = new ArrayList<>();
        for (String part : value.get().split(",", -1)) {
            String prefix = part.trim();
            String problem = PathPrefix.problem(prefix);
            if (problem != null) {
                problems.add(key + "='" + value.get() + "' is not valid: '" + prefix + "' " + problem
                        + "; valid values are comma-separated paths starting with '/', written decoded and"
                        + " normalised, such as /health,/static");
                return List.of();
            }
            prefixes.add(prefix);
        }
        return prefixes;
    }

    /** Comma-separated binary class names, such as {@code jakarta.persistence.NoResultException}. */
    private List<String> classNames(String key) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String part : value.get().split(",", -1)) {
            String name = part.trim();
            if (!ExpectedErrors.isBinaryName(name)) {
                problems.add(key + "='" + value.get() + "' is not valid: '" + name + "' is not a class name;"
                        + " valid values are comma-separated class names of exceptions, such as"
                        + " jakarta.persistence.NoResultException,com.example.NotFoundException");
                return List.of();
            }
            names.add(name);
        }
        return names;
    }

    /** Comma-separated operation type keys, each once. */
    private Set<OperationType> types(String key, Set<OperationType> defaultTypes) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return defaultTypes;
        }
        Set<OperationType> types = EnumSet.noneOf(OperationType.class);
        for (String part : value.get().split(",", -1)) {
            String name = part.trim();
            OperationType type = typeOrNull(name);
            if (type == null || !types.add(type)) {
                problems.add(key + "='" + value.get() + "' is not valid: '" + name + "' is "
                        + (type == null ? "not an operation type" : "given twice")
                        + "; valid values are comma-separated operation types, each once: database, http, render, service");
                return defaultTypes;
            }
        }
        return types;
    }

    private static OperationType typeOrNull(String key) {
        try {
            return OperationType.fromKey(key);
        } catch (IllegalArgumentException notAType) {
            return null;
        }
    }

    private Optional<String> traceUrl() {
        Optional<String> value = text(Keys.TRACE_URL);
        if (value.isEmpty()) {
            return value;
        }
        String problem = TraceUrl.problem(value.get());
        if (problem != null) {
            problems.add(Keys.TRACE_URL + "='" + value.get() + "' is not valid: " + problem + "; valid values are an"
                    + " http or https URL with {trace_id} where the trace id goes, such as"
                    + " http://grafana.example.com/explore?traceId={trace_id}");
            return Optional.empty();
        }
        return value;
    }

    private Optional<String> role() {
        Optional<String> value = text(Keys.ENDPOINT_ROLE);
        if (value.isPresent() && value.get().chars().anyMatch(Character::isWhitespace)) {
            problems.add(Keys.ENDPOINT_ROLE + "='" + value.get()
                    + "' is not valid; valid values are one role name without white space");
            return Optional.empty();
        }
        return value;
    }
}
