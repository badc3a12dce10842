package io.measured.internal.rest;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A path template of several {@link jakarta.ws.rs.Path} values (a root resource's, its locators',
 * a resource method's) as JAX-RS matches it: literal text as is, {@code {name}} as one or more
 * characters other than {@code /}, {@code {name: regex}} as its regex; one optional slash at
 * either end. Its JAX-RS precedence per part ({@link #precedes}): more literal characters first,
 * then more parameters, then more parameters with their own regex. Immutable.
 */
final class TemplatePattern {

    private final Pattern pattern;
    /** Per part: literal characters, parameters, parameters with a regex. */
    private final int[][] precedence;

    private TemplatePattern(Pattern pattern, int[][] precedence) {
        this.pattern = pattern;
        this.precedence = precedence;
    }

    /** The pattern of the parts (null parts are skipped); null when a part's regex does not compile. */
    static TemplatePattern of(List<String> parts) {
        StringBuilder regex = new StringBuilder("/?");
        int[][] precedence = new int[parts.size()][];
        for (int p = 0; p < parts.size(); p++) {
            int[] counts = new int[3];
            precedence[p] = counts;
            String part = parts.get(p) == null ? "" : PathTemplates.trimSlashes(parts.get(p));
            if (part.isEmpty()) {
                continue;
            }
            regex.append(regex.length() > 2 ? "/" : "");
            TemplateParts.each(part, literal -> {
                regex.append(Pattern.quote(literal));
                counts[0] += literal.length();
            }, (name, own) -> {
                regex.append(own == null ? "[^/]+" : "(?:" + own + ")");
                counts[1]++;
                counts[2] += own == null ? 0 : 1;
            });
        }
        try {
            return new TemplatePattern(Pattern.compile(regex.append("/?").toString()), precedence);
        } catch (PatternSyntaxException notARegex) {
            return null;
        }
    }

    /** Whether a path relative to the application root (slashes at either end optional) matches. */
    boolean matches(String path) {
        return pattern.matcher(path).matches();
    }

    /**
     * Whether JAX-RS would choose this template over {@code other}, both of the same number of
     * parts: at the first part where they differ, this one sorts first.
     */
    boolean precedes(TemplatePattern other) {
        for (int p = 0; p < Math.min(precedence.length, other.precedence.length); p++) {
            for (int k = 0; k < 3; k++) {
                if (precedence[p][k] != other.precedence[p][k]) {
                    return precedence[p][k] > other.precedence[p][k];
                }
            }
        }
        return false;
    }
}
