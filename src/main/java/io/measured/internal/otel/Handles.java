package io.measured.internal.otel;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Finds public methods of the OpenTelemetry API as method handles typed with {@code Object} for
 * every API type, so this library calls them without naming an API class. Stateless.
 */
final class Handles {

    static final String API = "io.opentelemetry.api.";

    private Handles() {
    }

    /** An API class, seen from this library's class loader. */
    static Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName(name, false, Handles.class.getClassLoader());
    }

    /** A public static method. */
    static MethodHandle staticMethod(Class<?> owner, String name, Class<?> returned, Class<?>... parameters)
            throws ReflectiveOperationException {
        MethodHandle handle = MethodHandles.publicLookup().findStatic(owner, name, MethodType.methodType(returned, parameters));
        return handle.asType(erased(handle.type()));
    }

    /** A public instance method of an interface or class. */
    static MethodHandle virtual(Class<?> owner, String name, Class<?> returned, Class<?>... parameters)
            throws ReflectiveOperationException {
        MethodHandle handle = MethodHandles.publicLookup().findVirtual(owner, name, MethodType.methodType(returned, parameters));
        return handle.asType(erased(handle.type()));
    }

    /** {@link #staticMethod}, or null where this version of the API has no such method. */
    static MethodHandle optionalStatic(Class<?> owner, String name, Class<?> returned) throws ReflectiveOperationException {
        try {
            return staticMethod(owner, name, returned);
        } catch (NoSuchMethodException olderApi) {
            return null;
        }
    }

    /** {@link #virtual}, or null where this version of the API has no such method. */
    static MethodHandle optionalVirtual(Class<?> owner, String name, Class<?> returned, Class<?>... parameters)
            throws ReflectiveOperationException {
        try {
            return virtual(owner, name, returned, parameters);
        } catch (NoSuchMethodException olderApi) {
            return null;
        }
    }

    /** The type with every reference type other than String and List made Object. */
    private static MethodType erased(MethodType type) {
        MethodType erased = type;
        for (int i = 0; i < type.parameterCount(); i++) {
            erased = erased.changeParameterType(i, plain(type.parameterType(i)));
        }
        return erased.changeReturnType(plain(type.returnType()));
    }

    private static Class<?> plain(Class<?> type) {
        return type.isPrimitive() || type == String.class || type == List.class ? type : Object.class;
    }
}
