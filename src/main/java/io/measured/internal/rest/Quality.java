package io.measured.internal.rest;

import java.util.Locale;

/** The q-value of one item of an Accept or Accept-Encoding header (RFC 9110 section 12.4.2). */
final class Quality {

    private Quality() {
    }

    /**
     * The q parameter among an item's parts split at {@code ;} (the first part, the value itself,
     * is skipped): 1 when absent; a malformed or out-of-range q counts as 0, so the item is refused
     * rather than guessed at.
     */
    static double of(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.toLowerCase(Locale.ROOT).startsWith("q=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(2).trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
