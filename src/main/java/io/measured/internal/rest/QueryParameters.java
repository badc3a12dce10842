package io.measured.internal.rest;

import io.measured.OperationType;
import io.measured.internal.config.NumberText;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Strict reading of query parameters: unknown, repeated, empty or malformed ones are refused by name. */
final class QueryParameters {


    private final Map<String, List<String>> values;

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Refuses any parameter not in {@code allowed} and any given more than once. */
    static QueryParameters of(Map<String, List<String>> values, Set<String> allowed) throws BadRequestException {
        for (String name : new TreeSet<>(values.keySet())) {
            if (!allowed.contains(name)) {
                throw new BadRequestException("unknown query parameter '" + shown(name) + "'; "
                        + (allowed.isEmpty() ? "this resource takes none"
                                : "valid parameters are " + String.join(", ", new TreeSet<>(allowed))));
            }
            List<String> given = values.get(name);
            if (given != null && given.size() > 1) {
                throw new BadRequestException("query parameter '" + name + "' is given " + given.size()
                        + " times; give it once");
            }
        }
        return new QueryParameters(values);
    }

    private String raw(String name) throws BadRequestException {
        List<String> given = values.get(name);
        if (given == null || given.isEmpty()) {
            return null;
        }
        String value = given.get(0);
        if (value == null || value.isBlank()) {
            throw new BadRequestException("query parameter '" + name + "' is empty; give a value or leave it out");
        }
        return value.trim();
    }

    int integer(String name, int defaultValue, int min, int max) throws BadRequestException {
        String value = raw(name);
        if (value == null) {
            return defaultValue;
        }
        String valid = "a whole number within " + min + " .. " + max;
        if (!NumberText.INTEGER.matcher(value).matches()) {
            throw new BadRequestException("query parameter '" + name + "'='" + shown(value) + "' is not valid; valid values are " + valid);
        }
        long parsed = Long.parseLong(value);
        if (parsed < min || parsed > max) {
            throw new BadRequestException("query parameter '" + name + "'='" + shown(value) + "' is out of range; valid values are " + valid);
        }
        return (int) parsed;
    }

    double nonNegative(String name, double defaultValue) throws BadRequestException {
        String value = raw(name);
        if (value == null) {
            return defaultValue;
        }
        double parsed = NumberText.DECIMAL.matcher(value).matches() ? Double.parseDouble(value) : Double.NaN;
        if (!(parsed >= 0) || Double.isInfinite(parsed)) {
            throw new BadRequestException("query parameter '" + name + "'='" + shown(value)
                    + "' is not valid; valid values are finite numbers >= 0");
        }
        return parsed;
    }

    /** Returns the type named by the parameter, or null when it is absent. */
    OperationType type(String name) throws BadRequestException {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        return parseType("query parameter '" + name + "'", value);
    }

    /** Echoes at most 64 chars of what the client sent, so an error stays small. */
    static String shown(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }

    static OperationType parseType(String what, String value) throws BadRequestException {
        try {
            return OperationType.fromKey(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(what + "='" + shown(value) + "' is not valid; valid values are " + OperationType.validKeys());
        }
    }
}
