package io.measured.internal.rest;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The full path template of a request served through sub-resource locators, such as
 * {@code /orders/{id}/items/{n}}: the root resource's {@code @Path}, then each locator's, then the
 * resource method's. Built from what JAX-RS gives portably, the matched resource instances
 * ({@code UriInfo.getMatchedResources()}: Jersey and RESTEasy both list the resource serving the
 * request first and the root resource last): a locator of each resource whose return type fits the
 * class of the next is the one that was called. Where several fit, the one whose template matches
 * the request path is chosen, by JAX-RS precedence if several match. When none fits or matches, or
 * the chain has more than {@value #MAX_LOCATORS} locators, the name is the root's template, then
 * {@code /...}, then the method's: bounded, since names must never grow with the request.
 * Thread-safe.
 */
final class LocatorTemplates {

    static final int MAX_LOCATORS = 8;
    private static final int MAX_CANDIDATES = 64;
    private static final int MAX_CACHED = 1_024;

    /** The templates a chain of resource classes and a resource method can have been reached by. */
    private record Candidates(List<String> names, List<TemplatePattern> patterns, String fallback) {
    }

    private record Chain(List<Class<?>> classes, Method method) {
    }

    private final ConcurrentHashMap<Chain, Candidates> cache = new ConcurrentHashMap<>();

    /**
     * @param classes the classes of the matched resources, root first, the one serving the request last
     * @param method the resource method serving the request
     * @param path the request path relative to the application root, decoded, without matrix
     *     parameters; asked for only when several templates are possible
     */
    String of(List<Class<?>> classes, Method method, Supplier<String> path) {
        Chain chain = new Chain(List.copyOf(classes), method);
        Candidates candidates = cache.get(chain);
        if (candidates == null) {
            candidates = candidates(chain);
            if (cache.size() < MAX_CACHED) {
                cache.putIfAbsent(chain, candidates);
            }
        }
        return choose(candidates, path);
    }

    private static String choose(Candidates candidates, Supplier<String> requestPath) {
        if (candidates.names().size() == 1) {
            return candidates.names().get(0);
        }
        String path = candidates.names().isEmpty() ? null : requestPath.get();
        int chosen = -1;
        for (int i = 0; i < candidates.names().size(); i++) {
            TemplatePattern pattern = candidates.patterns().get(i);
            if (pattern != null && pattern.matches(path)
                    && (chosen < 0 || pattern.precedes(candidates.patterns().get(chosen)))) {
                chosen = i;
            }
        }
        return chosen < 0 ? candidates.fallback() : candidates.names().get(chosen);
    }

    private static Candidates candidates(Chain chain) {
        List<Class<?>> classes = chain.classes();
        String fallback = PathTemplates.name(PathTemplates.classPath(classes.get(0)), "...",
                PathTemplates.methodPath(chain.method()));
        if (classes.size() - 1 > MAX_LOCATORS) {
            return new Candidates(List.of(), List.of(), fallback);
        }
        // Each partial chain: the @Path values so far, root's first.
        List<List<String>> partial = List.of(List.of(nullToEmpty(PathTemplates.classPath(classes.get(0)))));
        for (int i = 0; i + 1 < classes.size(); i++) {
            List<List<String>> next = new ArrayList<>();
            for (Method locator : locators(classes.get(i), classes.get(i + 1))) {
                for (List<String> parts : partial) {
                    if (next.size() < MAX_CANDIDATES) {
                        next.add(append(parts, PathTemplates.methodPath(locator)));
                    }
                }
            }
            partial = next;
        }
        List<String> names = new ArrayList<>();
        List<TemplatePattern> patterns = new ArrayList<>();
        for (List<String> parts : partial) {
            List<String> full = append(parts, nullToEmpty(PathTemplates.methodPath(chain.method())));
            String name = PathTemplates.name(full.toArray(String[]::new));
            if (!names.contains(name)) {
                names.add(name);
                patterns.add(TemplatePattern.of(full));
            }
        }
        return new Candidates(List.copyOf(names), patterns, fallback);
    }

    /** The locators of {@code owner} that can have returned an instance of {@code located}. */
    private static List<Method> locators(Class<?> owner, Class<?> located) {
        List<Method> fitting = new ArrayList<>();
        for (Method method : owner.getMethods()) {
            if (method.isBridge() || Modifier.isStatic(method.getModifiers()) || !PathTemplates.isLocator(method)) {
                continue;
            }
            Class<?> returned = method.getReturnType();
            // A locator may return the class itself, which JAX-RS then instantiates.
            if (returned.isAssignableFrom(located) || returned == Class.class) {
                fitting.add(method);
            }
        }
        return fitting;
    }

    private static List<String> append(List<String> parts, String part) {
        List<String> longer = new ArrayList<>(parts);
        longer.add(part);
        return longer;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
