package io.measured.internal.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.PooledConnection;
import javax.sql.XAConnection;

/**
 * Wraps the JDBC objects an application gets, so that statement executions are recorded: a
 * {@link Connection} ({@link MeasuredConnection}) hands out statements that record their
 * executions, and a pooled or XA connection hands out such connections. Every other call goes to
 * the vendor object unchanged, with its own result and its own exception instance;
 * {@code unwrap} and {@code isWrapperFor} reach the vendor objects; result sets are the vendor's.
 * Stateless; each wrapper is as thread-safe as the object it wraps.
 */
public final class JdbcProxies {

    private JdbcProxies() {
    }

    /** A connection that records the statements it runs. */
    public static Connection connection(Connection vendor, JdbcRecorder recorder) {
        return new MeasuredConnection(vendor, recorder);
    }

    /** A pooled connection whose logical connections record their statements. */
    static PooledConnection pooled(PooledConnection vendor, JdbcRecorder recorder) {
        Class<?> type = vendor instanceof XAConnection ? XAConnection.class : PooledConnection.class;
        return (PooledConnection) Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(), new Class<?>[] {type},
                new Handler(vendor, recorder));
    }

    /** Calls the vendor object, passing on its own exception instance. */
    static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** {@code unwrap}, {@code isWrapperFor}, {@code equals}, {@code hashCode}, {@code toString}; null when not one. */
    static Object wrapperMethod(Object proxy, Object vendor, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "unwrap":
                if (args != null && args.length == 1 && args[0] instanceof Class<?> type) {
                    return type.isInstance(vendor) ? vendor : call(vendor, method, args);
                }
                return null;
            case "isWrapperFor":
                if (args != null && args.length == 1 && args[0] instanceof Class<?> type) {
                    return type.isInstance(vendor) || (Boolean) call(vendor, method, args);
                }
                return null;
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
            Object special = wrapperMethod(proxy, vendor, method, args);
            if (special != null) {
                return special;
            }
            Object result = call(vendor, method, args);
            if (result instanceof Connection connection && method.getName().equals("getConnection")) {
                return connection(connection, recorder);
            }
            return result;
        }
    }
}
