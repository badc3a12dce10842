package io.measured.internal.cdi;

import io.measured.Measured;
import jakarta.decorator.Decorator;
import jakarta.enterprise.inject.Stereotype;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.interceptor.Interceptor;
import java.lang.annotation.Annotation;
import java.util.HashSet;
import java.util.Set;

/**
 * Which discovered types get {@link MeasuredLifecycle}: those bound to {@code @Measured} at class
 * level, directly, through a stereotype (of a stereotype), or from a superclass, since
 * {@code @Measured} and stereotypes are inherited. Interceptors and decorators are not beans to
 * time. Seen once per type as the container discovers it; stateless.
 */
final class LifecycleMarking {

    private LifecycleMarking() {
    }

    /** For the portable extension: the annotations of the container's view of the type (inherited ones included). */
    static boolean classBound(Set<Annotation> annotations) {
        for (Annotation annotation : annotations) {
            Class<? extends Annotation> type = annotation.annotationType();
            if (type == Interceptor.class || type == Decorator.class) {
                return false;
            }
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof Measured) {
                return true;
            }
        }
        return DeclaredBindings.fromStereotypes(annotations.toArray(new Annotation[0]), new HashSet<>()) != null;
    }

    /** For the build-compatible extension: the class and its superclasses, as the build sees them. */
    static boolean classBound(ClassInfo type) {
        if (type.hasAnnotation(Interceptor.class) || type.hasAnnotation(Decorator.class) || type.isInterface()
                || type.isAnnotation()) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (ClassInfo current = type; current != null; current = current.superClassDeclaration()) {
            for (AnnotationInfo annotation : current.annotations()) {
                if (annotation.name().equals(Measured.class.getName()) || bindsThroughStereotype(annotation.declaration(), seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean bindsThroughStereotype(ClassInfo type, Set<String> seen) {
        if (type == null || !type.hasAnnotation(Stereotype.class) || !seen.add(type.name())) {
            return false;
        }
        if (type.hasAnnotation(Measured.class)) {
            return true;
        }
        for (AnnotationInfo meta : type.annotations()) {
            if (bindsThroughStereotype(meta.declaration(), seen)) {
                return true;
            }
        }
        return false;
    }
}
