package io.measured.internal.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The path template of a resource method relative to the JAX-RS application root, such as
 * {@code /notes/{id}}: from the {@link Path} of the resource class and of the method, with
 * parameter regular expressions dropped ({@code {id: \d+}} becomes {@code {id}}). Computed once per
 * method. JAX-RS annotations are inherited from superclasses and interfaces as the specification
 * allows (a method with none of its own takes those of the method it overrides or implements), so
 * container-generated subclasses of a resource are named by the resource's own annotations.
 * Templates of requests through sub-resource locators: {@link LocatorTemplates}.
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
        return name(classPath(resourceClass), methodPath(method));
    }

    /** The name of a template given in parts, each a {@link Path} value or null: joined by single slashes, regexes dropped. */
    static String name(String... parts) {
        StringBuilder template = new StringBuilder();
        for (String part : parts) {
            String trimmed = part == null ? "" : trimSlashes(stripRegex(part));
            if (!trimmed.isEmpty()) {
                template.append('/').append(trimmed);
            }
        }
        return template.length() == 0 ? "/" : template.toString();
    }

    static String trimSlashes(String part) {
        return part.replaceAll("^/+|/+$", "");
    }

    /** The {@link Path} of a resource class or of its nearest annotated superclass or interface; null when none. */
    static String classPath(Class<?> type) {
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

    /** The {@link Path} of a method, its own or inherited; null when none. */
    static String methodPath(Method method) {
        Method annotated = annotated(method);
        Path path = annotated == null ? null : annotated.getAnnotation(Path.class);
        return path == null ? null : path.value();
    }

    /** Whether a method is a sub-resource locator: a {@link Path} and no HTTP method, its own or inherited. */
    static boolean isLocator(Method method) {
        Method annotated = annotated(method);
        return annotated != null && annotated.isAnnotationPresent(Path.class) && !hasHttpMethod(annotated);
    }

    /**
     * The method whose JAX-RS annotations apply to {@code method}: itself if it has any, else the
     * nearest method it overrides or implements that has; null when none has.
     */
    static Method annotated(Method method) {
        if (hasJaxRsAnnotation(method)) {
            return method;
        }
        for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
            Method found = declaredAnnotated(type, method);
            if (found != null) {
                return found;
            }
            for (Class<?> contract : type.getInterfaces()) {
                found = declaredAnnotated(contract, method);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Method declaredAnnotated(Class<?> type, Method method) {
        try {
            Method declared = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return hasJaxRsAnnotation(declared) ? declared : null;
        } catch (NoSuchMethodException notHere) {
            return null;
        }
    }

    private static boolean hasJaxRsAnnotation(Method method) {
        return method.isAnnotationPresent(Path.class) || hasHttpMethod(method);
    }

    private static boolean hasHttpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    /** Drops the regular expression of each {@code {name: regex}} parameter; regexes may nest braces. */
    static String stripRegex(String path) {
        StringBuilder out = new StringBuilder(path.length());
        TemplateParts.each(path, out::append, (name, regex) -> out.append('{').append(name).append('}'));
        return out.toString();
    }
}
