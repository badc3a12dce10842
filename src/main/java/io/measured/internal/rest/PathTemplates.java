package io.measured.internal.rest;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The path template of a resource method relative to the JAX-RS application root, such as
 * {@code /notes/{id}}: from the {@link Path} of the resource class and of the method, with
 * parameter regular expressions dropped ({@code {id: \d+}} becomes {@code {id}}). Computed once per
 * method. JAX-RS annotations are inherited from superclasses and interfaces as the specification
 * allows.
 */
final class PathTemplates {

    /** Per resource class: an inherited method serves several classes, each under its own path. */
    private final ClassValue<ConcurrentHashMap<Method, String>> cache = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<Method, String> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    String of(Class<?> resourceClass, Method method) {
        return cache.get(resourceClass).computeIfAbsent(method, m -> compute(resourceClass, m));
    }

    static String compute(Class<?> resourceClass, Method method) {
        String classPath = classPath(resourceClass);
        String methodPath = methodPath(method);
        StringBuilder template = new StringBuilder();
        append(template, classPath);
        append(template, methodPath);
        return template.length() == 0 ? "/" : template.toString();
    }

    private static void append(StringBuilder template, String segment) {
        if (segment == null) {
            return;
        }
        String trimmed = stripRegex(segment).replaceAll("^/+|/+$", "");
        if (!trimmed.isEmpty()) {
            template.append('/').append(trimmed);
        }
    }

    private static String classPath(Class<?> type) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            Path path = current.getAnnotation(Path.class);
            if (path != null) {
                return path.value();
            }
            for (Class<?> contract : current.getInterfaces()) {
                Path onInterface = contract.getAnnotation(Path.class);
                if (onInterface != null) {
                    return onInterface.value();
                }
            }
        }
        return null;
    }

    private static String methodPath(Method method) {
        Path path = method.getAnnotation(Path.class);
        if (path != null) {
            return path.value();
        }
        for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
            String inherited = declaredPath(type, method);
            if (inherited != null) {
                return inherited;
            }
            for (Class<?> contract : type.getInterfaces()) {
                inherited = declaredPath(contract, method);
                if (inherited != null) {
                    return inherited;
                }
            }
        }
        return null;
    }

    private static String declaredPath(Class<?> type, Method method) {
        try {
            Path path = type.getDeclaredMethod(method.getName(), method.getParameterTypes()).getAnnotation(Path.class);
            return path == null ? null : path.value();
        } catch (NoSuchMethodException notHere) {
            return null;
        }
    }

    /** Drops the regular expression of each {@code {name: regex}} parameter; regexes may nest braces. */
    static String stripRegex(String path) {
        StringBuilder out = new StringBuilder(path.length());
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int depth = 0;
            int end = i;
            while (end < path.length()) {
                char d = path.charAt(end);
                if (d == '{') {
                    depth++;
                } else if (d == '}' && --depth == 0) {
                    break;
                }
                end++;
            }
            String inside = path.substring(i + 1, Math.min(end, path.length()));
            int colon = inside.indexOf(':');
            out.append('{').append((colon < 0 ? inside : inside.substring(0, colon)).trim()).append('}');
            i = end + 1;
        }
        return out.toString();
    }
}
