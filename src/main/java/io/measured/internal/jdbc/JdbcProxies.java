package io.measured.internal.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.PooledConnection;
import javax.sql.XAConnection;

/**
 * Wraps the pooled and XA connections a server's pool opens, so that the logical connections they
 * hand out are {@link MeasuredConnection}s. Every other call goes to the vendor object unchanged,
 * with its own result and its own exception instance. Stateless; each wrapper is as thread-safe
 * as the object it wraps.
 */
final class JdbcProxies {

    private JdbcProxies() {
    }

    /** A pooled connection whose logical connections record their statements. */
    static PooledConnection pooled(PooledConnection vendor, JdbcRecorder recorder) {
        Class<?> type = vendor instanceof XAConnection ? XAConnection.class : PooledConnection.class;
        return (PooledConnection) Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(), new Class<?>[] {type},
                new Handler(vendor, recorder));
    }

    /** Calls the vendor object, passing on its own exception instance. */
    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** {@code equals}, {@code hashCode} and {@code toString} of the proxy itself; null when not one of them. */
    private static Object objectMethod(Object proxy, Object vendor, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return args != null && args.length == 1 ? proxy == args[0] : null;
            case "hashCode":
                return args == null ? System.identityHashCode(proxy) : null;
            case "toString":
                return args == null ? "measured(" + vendor + ")" : null;
            default:
                return null;
        }
    }

    /**
     * Passes every call to a pooled connection and wraps the logical connections it hands out. (A
     * dynamic proxy suffices here: a pool calls these once per physical connection, not per
     * statement.)
     */
    private static final class Handler implements InvocationHandler {
        private final Object vendor;
        private final JdbcRecorder recorder;

        Handler(Object vendor, JdbcRecorder recorder) {
            this.vendor = vendor;
            this.recorder = recorder;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object special = objectMethod(proxy, vendor, method, args);
            if (special != null) {
                return special;
            }
            Object result = call(vendor, method, args);
            if (result instanceof Connection connection && method.getName().equals("getConnection")) {
                return new MeasuredConnection(connection, recorder);
            }
            return result;
        }
    }
}
