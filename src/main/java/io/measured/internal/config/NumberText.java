package io.measured.internal.config;

import java.util.regex.Pattern;

/**
 * The number spellings accepted in configuration values and query parameters: plain decimal
 * text only, so {@code NaN}, {@code Infinity}, hex floats, {@code 1d} or {@code 1_000} (all of
 * which Java's own parsers take) are refused rather than silently read.
 */
public final class NumberText {

    /** A whole number of at most 10 digits, so it parses as a long without overflow. */
    public static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");
    /** A decimal number with an optional exponent of at most 3 digits. */
    public static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");

    private NumberText() {
    }
}
