package io.github.cwmarketing.whatsapp.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * A real data source whose connections note the name of every thread that prepares or runs a statement on them, so a
 * test can tell where the database work of the code under test runs. Only the JDBC interfaces are wrapped.
 */
public final class ThreadRecordingDataSource {

    private final DataSource target;
    private final Set<String> threads = ConcurrentHashMap.newKeySet();

    public ThreadRecordingDataSource(DataSource target) {
        this.target = target;
    }

    /** The threads that prepared or ran a statement so far. */
    public Set<String> threads() {
        return Set.copyOf(threads);
    }

    public void clear() {
        threads.clear();
    }

    public DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? recording(connection) : result;
                });
    }

    private Connection recording(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("prepare") || name.equals("createStatement")) {
                        threads.add(Thread.currentThread().getName());
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
