package io.colony.manager.internal.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that lets at most a given number of its connections be open at once: getting one more waits up to a
 * timeout for another to be closed, then fails. Used for an external database whose driver makes no
 * {@link javax.sql.ConnectionPoolDataSource} to pool.
 */
final class BoundedDataSource implements DataSource {

    private final DataSource target;
    private final Semaphore permits;
    private final int maxConnections;
    private final Duration acquireTimeout;
    private final String description;

    BoundedDataSource(DataSource target, int maxConnections, Duration acquireTimeout, String description) {
        this.target = Objects.requireNonNull(target, "target");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections: must be 1 or more, was " + maxConnections);
        }
        this.maxConnections = maxConnections;
        this.permits = new Semaphore(maxConnections, true);
        this.acquireTimeout = Objects.requireNonNull(acquireTimeout, "acquireTimeout");
        this.description = description;
    }

    @Override
    public Connection getConnection() throws SQLException {
        acquire();
        try {
            return bounded(target.getConnection());
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        acquire();
        try {
            return bounded(target.getConnection(username, password));
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private void acquire() throws SQLException {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(acquireTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while waiting for a connection to " + description);
        }
        if (!acquired) {
            throw new SQLTransientConnectionException("all " + maxConnections + " connections to " + description
                    + " stayed in use for " + acquireTimeout.toMillis() + " ms");
        }
    }

    /** The connection, releasing its permit when first closed. */
    private Connection bounded(Connection connection) {
        AtomicBoolean closed = new AtomicBoolean();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                return System.identityHashCode(proxy);
            }
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                try {
                    connection.close();
                } finally {
                    if (closed.compareAndSet(false, true)) {
                        permits.release();
                    }
                }
                return null;
            }
            return invoke(connection, method, args);
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private static Object invoke(Connection connection, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** How many more connections may be opened now. */
    int available() {
        return permits.availablePermits();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "BoundedDataSource[" + description + ", " + maxConnections + " connections]";
    }
}
