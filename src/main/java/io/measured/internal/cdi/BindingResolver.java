package io.measured.internal.cdi;

import io.measured.Measured;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the {@link Measured} binding of an intercepted method once per (target class, method) and
 * caches it, so no call after the first reflects.
 *
 * <p>Jakarta Interceptors 2.2 (EE 11) can report the binding itself; on EE 10 it is looked up on the
 * method, then on the bean class and its superclasses, never on a container-generated subclass.
 */
@ApplicationScoped
public class BindingResolver {

    private static final Logger LOG = Logger.getLogger(BindingResolver.class.getName());

    private final ClassValue<ConcurrentHashMap<Method, Optional<Binding>>> cache = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<Method, Optional<Binding>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** Returns the binding, or empty when none can be found (the call then passes through). */
    Optional<Binding> resolve(InvocationContext context) {
        Class<?> targetClass = context.getTarget().getClass();
        Method method = context.getMethod();
        ConcurrentHashMap<Method, Optional<Binding>> perClass = cache.get(targetClass);
        Optional<Binding> binding = perClass.get(method);
        if (binding == null) {
            binding = find(context, beanClass(targetClass), method);
            perClass.putIfAbsent(method, binding);
        }
        return binding;
    }

    private static Optional<Binding> find(InvocationContext context, Class<?> beanClass, Method method) {
        Measured measured = method.getAnnotation(Measured.class);
        if (measured == null) {
            measured = onOverride(beanClass, method);
        }
        if (measured == null) {
            measured = beanClass.getAnnotation(Measured.class);
        }
        if (measured == null) {
            measured = fromContext(context);
        }
        if (measured == null) {
            LOG.log(Level.WARNING, "measured: no @Measured binding found for {0}.{1}; its calls are not recorded",
                    new Object[] {beanClass.getName(), method.getName()});
            return Optional.empty();
        }
        String name = measured.name().isEmpty() ? simpleName(beanClass) + "." + method.getName() : measured.name();
        return Optional.of(new Binding(method, measured.type(), name));
    }

    /** The annotation on the bean class's own declaration of the method, when the context reports an inherited one. */
    private static Measured onOverride(Class<?> beanClass, Method method) {
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Measured measured = type.getDeclaredMethod(method.getName(), method.getParameterTypes())
                        .getAnnotation(Measured.class);
                if (measured != null) {
                    return measured;
                }
            } catch (NoSuchMethodException notDeclaredHere) {
                // keep walking up
            }
        }
        return null;
    }

    /** Jakarta Interceptors 2.2's {@code getInterceptorBinding}, when the runtime has it. */
    private static Measured fromContext(InvocationContext context) {
        try {
            Method getBinding = context.getClass().getMethod("getInterceptorBinding", Class.class);
            return (Measured) getBinding.invoke(context, Measured.class);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return null;
        }
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
        return type.isSynthetic() || name.contains("$$") || name.contains("$Proxy$") || name.contains("_WeldSubclass");
    }

    private static String simpleName(Class<?> type) {
        String simple = type.getSimpleName();
        if (!simple.isEmpty()) {
            return simple;
        }
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
