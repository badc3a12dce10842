package io.measured.internal.cdi;

import io.measured.Measured;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the {@link Measured} binding of an intercepted call once per (bean class, method) and caches
 * it, so no call after the first reflects.
 *
 * <p>The container's own answer comes first, since only it knows every source of a binding
 * (stereotypes, {@code InterceptionFactory}, extensions): Jakarta Interceptors 2.2's
 * {@code getInterceptorBinding} (EE 11), else the bindings Weld reports in the context data (every
 * EE 10 server tested runs Weld). Without either, the binding is read from the classes as CDI
 * defines it ({@link DeclaredBindings}). Names use the bean class, never a container-generated
 * subclass or proxy. Producer and disposer methods of a bean bound at class level are wiring, not
 * operations: they pass through unless the method carries {@code @Measured} itself. Thread-safe.
 */
@ApplicationScoped
public class BindingResolver {

    private static final Logger LOG = Logger.getLogger(BindingResolver.class.getName());
    /** Weld's context-data key for the bindings of the intercepted method, callback or timeout. */
    static final String WELD_BINDINGS_KEY = "org.jboss.weld.interceptor.bindings";
    private static final Method GET_INTERCEPTOR_BINDING = interceptorBindingMethod();
    static final String POST_CONSTRUCT = "@PostConstruct";
    static final String PRE_DESTROY = "@PreDestroy";

    @Inject
    ActiveSettings settings;

    private final ClassValue<ConcurrentHashMap<Object, Optional<Binding>>> cache = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<Object, Optional<Binding>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** The binding of a business or timeout method's call, or empty when none (it then passes through). */
    Optional<Binding> forMethod(InvocationContext context) {
        Method method = context.getMethod();
        return cached(context, method, () -> {
            Class<?> beanClass = DeclaredBindings.beanClass(context.getTarget().getClass());
            if (DeclaredBindings.isWiring(beanClass, method) && DeclaredBindings.onMethod(beanClass, method) == null) {
                return Optional.empty(); // producers and disposers are wiring: timed only when bound themselves
            }
            Measured measured = reported(context);
            if (measured == null) {
                measured = DeclaredBindings.forMethod(beanClass, method);
            }
            return binding(measured, beanClass, method.getName(), method);
        });
    }

    /** The binding of a {@code @PostConstruct} callback, or empty when the bean class declares none. */
    Optional<Binding> forPostConstruct(InvocationContext context) {
        return lifecycle(context, jakarta.annotation.PostConstruct.class, POST_CONSTRUCT);
    }

    /** The binding of a {@code @PreDestroy} callback, or empty when the bean class declares none. */
    Optional<Binding> forPreDestroy(InvocationContext context) {
        return lifecycle(context, jakarta.annotation.PreDestroy.class, PRE_DESTROY);
    }

    private Optional<Binding> lifecycle(InvocationContext context, Class<? extends Annotation> callback, String label) {
        return cached(context, label, () -> {
            Class<?> beanClass = DeclaredBindings.beanClass(context.getTarget().getClass());
            if (!DeclaredBindings.declaresCallback(beanClass, callback)) {
                return Optional.empty(); // nothing of the application's runs: nothing to time
            }
            Measured measured = reported(context);
            if (measured == null) {
                measured = DeclaredBindings.forClass(beanClass);
            }
            return binding(measured, beanClass, label, null);
        });
    }

    private Optional<Binding> cached(InvocationContext context, Object key,
            java.util.function.Supplier<Optional<Binding>> resolve) {
        ConcurrentHashMap<Object, Optional<Binding>> perClass = cache.get(context.getTarget().getClass());
        Optional<Binding> binding = perClass.get(key);
        if (binding == null) {
            binding = resolve.get();
            perClass.putIfAbsent(key, binding);
        }
        return binding;
    }

    private Optional<Binding> binding(Measured measured, Class<?> beanClass, String member, Method method) {
        if (measured == null) {
            LOG.log(Level.WARNING, "measured: no @Measured binding found for {0}.{1}; its calls are not recorded",
                    new Object[] {beanClass.getName(), member});
            return Optional.empty();
        }
        String name = measured.name().isEmpty() ? DeclaredBindings.simpleName(beanClass) + "." + member : measured.name();
        List<Class<?>> expected = new ArrayList<>(List.of(measured.expected()));
        expected.addAll(settings.expectedErrors());
        return Optional.of(new Binding(method, measured.type(), name, expected.toArray(new Class<?>[0])));
    }

    /** The binding the container reports for this invocation, or null when it reports none. */
    static Measured reported(InvocationContext context) {
        if (GET_INTERCEPTOR_BINDING != null) {
            try {
                Object binding = GET_INTERCEPTOR_BINDING.invoke(context, Measured.class);
                if (binding instanceof Measured measured) {
                    return measured;
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError notSupported) {
                // an EE 10 implementation of the EE 11 interface: fall through to the next source
            }
        }
        Object weld = context.getContextData().get(WELD_BINDINGS_KEY);
        if (weld instanceof Collection<?> bindings) {
            for (Object binding : bindings) {
                if (binding instanceof Measured measured) {
                    return measured;
                }
            }
        }
        return null;
    }

    private static Method interceptorBindingMethod() {
        try {
            return InvocationContext.class.getMethod("getInterceptorBinding", Class.class);
        } catch (NoSuchMethodException ee10) {
            return null;
        }
    }
}
