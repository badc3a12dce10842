package io.measured.internal.cdi;

import io.measured.Measured;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@link Measured} binding as CDI defines it from the classes alone, for containers that do not
 * report it: a method-level annotation on the method's most specific declaration wins (annotations
 * on a method a subclass overrides do not apply to the override); else the bean class's own, which
 * {@code @Inherited} extends to subclasses; else one declared by a stereotype of the bean class,
 * directly or through another stereotype. Stateless.
 */
final class DeclaredBindings {

    private DeclaredBindings() {
    }

    static Measured forMethod(Class<?> beanClass, Method method) {
        Measured onMethod = onMethod(beanClass, method);
        return onMethod != null ? onMethod : forClass(beanClass);
    }

    /** The annotation on the method's most specific declaration itself, or null. */
    static Measured onMethod(Class<?> beanClass, Method method) {
        return mostSpecific(beanClass, method).getAnnotation(Measured.class);
    }

    /** Whether the method's most specific declaration is a producer ({@code @Produces}) or a disposer. */
    static boolean isWiring(Class<?> beanClass, Method method) {
        Method declaration = mostSpecific(beanClass, method);
        if (declaration.isAnnotationPresent(Produces.class)) {
            return true;
        }
        for (Annotation[] parameter : declaration.getParameterAnnotations()) {
            for (Annotation annotation : parameter) {
                if (annotation.annotationType() == Disposes.class) {
                    return true;
                }
            }
        }
        return false;
    }

    static Measured forClass(Class<?> beanClass) {
        Measured direct = beanClass.getAnnotation(Measured.class);
        // getAnnotations includes the @Inherited stereotypes of superclasses, as CDI inherits them.
        return direct != null ? direct : fromStereotypes(beanClass.getAnnotations(), new HashSet<>());
    }

    /** The binding one of {@code annotations} carries as a stereotype (of a stereotype), or null. */
    static Measured fromStereotypes(Annotation[] annotations, Set<Class<?>> seen) {
        for (Annotation annotation : annotations) {
            Class<? extends Annotation> type = annotation.annotationType();
            if (type.isAnnotationPresent(Stereotype.class) && seen.add(type)) {
                Measured measured = type.getAnnotation(Measured.class);
                if (measured == null) {
                    measured = fromStereotypes(type.getDeclaredAnnotations(), seen);
                }
                if (measured != null) {
                    return measured;
                }
            }
        }
        return null;
    }

    /** The declaration of {@code method} nearest to {@code beanClass}: an override if there is one. */
    private static Method mostSpecific(Class<?> beanClass, Method method) {
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                return type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException notDeclaredHere) {
                // keep walking up
            }
        }
        return method;
    }

    /** Whether the class or a superclass declares a method carrying the lifecycle annotation. */
    static boolean declaresCallback(Class<?> beanClass, Class<? extends Annotation> callback) {
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(callback)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Skips classes a container generated (Weld, OpenWebBeans and similar proxies and subclasses). */
    static Class<?> beanClass(Class<?> type) {
        Class<?> current = type;
        while (current.getSuperclass() != null && current.getSuperclass() != Object.class && isGenerated(current)) {
            current = current.getSuperclass();
        }
        return current;
    }

    private static boolean isGenerated(Class<?> type) {
        String name = type.getName();
        return type.isSynthetic() || name.contains("$$") || name.contains("$Proxy$") || name.contains("_WeldSubclass")
                || name.contains("$_$$_Weld");
    }

    static String simpleName(Class<?> type) {
        String simple = type.getSimpleName();
        if (!simple.isEmpty()) {
            return simple;
        }
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
