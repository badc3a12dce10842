package io.measured.internal.rest;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads a JAX-RS path template ({@code orders/{id: \d+}/items}) as literal text and parameters,
 * each parameter with its name and its regular expression (null when it has none). Regular
 * expressions may nest braces ({@code {tag: [a-z]{2,8}}}). Stateless.
 */
final class TemplateParts {

    private TemplateParts() {
    }

    /**
     * Passes each run of literal text to {@code literal} and each parameter to {@code parameter},
     * in order. An unclosed brace is read as a parameter up to the end of the template.
     */
    static void each(String template, Consumer<String> literal, BiConsumer<String, String> parameter) {
        int i = 0;
        int literalStart = 0;
        while (i < template.length()) {
            if (template.charAt(i) != '{') {
                i++;
                continue;
            }
            if (i > literalStart) {
                literal.accept(template.substring(literalStart, i));
            }
            int end = closingBrace(template, i);
            String inside = template.substring(i + 1, Math.min(end, template.length()));
            int colon = inside.indexOf(':');
            String regex = colon < 0 ? null : inside.substring(colon + 1).trim();
            parameter.accept((colon < 0 ? inside : inside.substring(0, colon)).trim(), regex);
            i = end + 1;
            literalStart = i;
        }
        if (literalStart < template.length()) {
            literal.accept(template.substring(literalStart));
        }
    }

    /** The index of the brace closing the one at {@code open}, or the template's length when none does. */
    private static int closingBrace(String template, int open) {
        int depth = 0;
        for (int end = open; end < template.length(); end++) {
            char c = template.charAt(end);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return end;
            }
        }
        return template.length();
    }
}
