package io.colony.manager.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * Where the job store's database comes from: by default an H2 file under the node's data directory
 * ({@code <data>/jobs/jobs.mv.db}), or, when a JDBC URL is configured, an external database such as PostgreSQL
 * reached through the OSGi {@link DataSourceFactory} its driver bundle registers. Either way connections come from a
 * bounded pool ({@link JdbcConnectionPool}, which pools any {@link ConnectionPoolDataSource}) that waits a bounded
 * time for a free connection. Descriptions and errors never carry a user or password.
 */
public final class StoreDataSources {

    /** Connections the pool keeps at most, unless told otherwise. */
    public static final int DEFAULT_MAX_CONNECTIONS = 8;
    /** How long getting a connection may wait (for a free one in the pool, or to log in), unless told otherwise. */
    public static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(30);
    /** How long the embedded database waits for a row lock held by another connection, in milliseconds. */
    static final int H2_LOCK_TIMEOUT_MILLIS = 10_000;

    /** {@code //user:password@} in a URL. */
    private static final Pattern USER_INFO = Pattern.compile("//[^/@?;]*@");

    private StoreDataSources() {
    }

    /** A data source and how to release it; close it when the store is no longer used. */
    public interface Opened extends AutoCloseable {

        DataSource dataSource();

        /** Where the database is, without credentials, for logs. */
        String description();

        /** Releases the pool: idle connections close now, connections in use when they are returned. */
        @Override
        void close();
    }

    /** Values up to this size are stored in their rows (see {@link #h2Url}). */
    static final int H2_INPLACE_LOB_BYTES = 8192;

    /**
     * The JDBC URL of the embedded database under a data directory. It opens no network port (no
     * {@code AUTO_SERVER}, no TCP server). {@code WRITE_DELAY=0} writes every commit to the file before the commit
     * returns, so a committed change survives the process being killed (kill -9); the MVStore file format is
     * crash-safe, so a kill at any other moment leaves the last committed state. {@code DB_CLOSE_ON_EXIT=FALSE}: the
     * manager closes the database itself (by closing the pool), not a JVM shutdown hook racing with it.
     * {@code MAX_LENGTH_INPLACE_LOB}: specs, inputs and results up to {@value #H2_INPLACE_LOB_BYTES} bytes are kept in
     * their rows rather than in H2's separate LOB store, which costs several more writes (and a cleaner) per value.
     */
    public static String h2Url(Path dataDir) {
        Path base = h2Directory(dataDir).resolve("jobs");
        return "jdbc:h2:file:" + base.toString().replace('\\', '/') + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
                + ";MAX_LENGTH_INPLACE_LOB=" + H2_INPLACE_LOB_BYTES
                + ";LOCK_TIMEOUT=" + H2_LOCK_TIMEOUT_MILLIS;
    }

    private static Path h2Directory(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("jobs");
    }

    /** {@link #h2File(Path, int, Duration)} with the default pool size and acquire timeout. */
    public static Opened h2File(Path dataDir) {
        return h2File(dataDir, DEFAULT_MAX_CONNECTIONS, DEFAULT_ACQUIRE_TIMEOUT);
    }

    /**
     * The embedded H2 database under {@code dataDir/jobs/} ({@link #h2Url(Path)}), created on first use. The pool keeps
     * the database open while any connection is; closing the pool closes the database once its last connection is
     * returned. A second process opening the same file fails (H2 locks it).
     *
     * @param maxConnections the most connections open at once
     * @param acquireTimeout how long getting a connection waits for a free one before failing
     * @throws UncheckedIOException if {@code dataDir/jobs/} cannot be created
     */
    public static Opened h2File(Path dataDir, int maxConnections, Duration acquireTimeout) {
        Objects.requireNonNull(dataDir, "dataDir");
        int maxPool = requirePoolSize(maxConnections);
        int timeoutSeconds = requireSeconds(acquireTimeout);
        Path directory = h2Directory(dataDir);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("job store: could not create the database directory " + directory, e);
        }
        String url = h2Url(dataDir);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("colony");
        h2.setPassword("");
        h2.setLoginTimeout(timeoutSeconds);
        return pooled(h2, maxPool, timeoutSeconds, "H2 " + directory.resolve("jobs.mv.db"));
    }

    /** {@link #external(DataSourceFactory, String, String, String, int, Duration)} with the default pool settings. */
    public static Opened external(DataSourceFactory factory, String jdbcUrl, String user, String password) {
        return external(factory, jdbcUrl, user, password, DEFAULT_MAX_CONNECTIONS, DEFAULT_ACQUIRE_TIMEOUT);
    }

    /**
     * An external database, such as PostgreSQL, from a configured JDBC URL, through the {@link DataSourceFactory}
     * its driver registers (in OSGi, {@link java.sql.DriverManager} does not see drivers of other bundles; look up the
     * factory whose {@value DataSourceFactory#OSGI_JDBC_DRIVER_CLASS} is the driver's). Pooled through the factory's
     * {@link ConnectionPoolDataSource} when it makes one (H2's and PostgreSQL's do), otherwise through its plain
     * {@link DataSource}, opening a connection per call but never more than {@code maxConnections} at once. No
     * connection is opened here: the first one is opened by {@link JobStore}'s constructor.
     *
     * @param user null or empty to leave it to the URL or the driver
     * @param password null or empty to leave it to the URL or the driver
     * @param maxConnections the most connections open at once
     * @param acquireTimeout how long getting a connection may wait for a free one, and how long logging in may take
     * @throws IllegalArgumentException if the URL is blank or not a JDBC URL
     * @throws StoreException if the factory refuses the properties
     */
    public static Opened external(DataSourceFactory factory, String jdbcUrl, String user, String password,
            int maxConnections, Duration acquireTimeout) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:") || jdbcUrl.length() == "jdbc:".length()) {
            throw new IllegalArgumentException("jdbcUrl: must be a JDBC URL (jdbc:<driver>:...), was '"
                    + redacted(jdbcUrl) + "'");
        }
        int maxPool = requirePoolSize(maxConnections);
        int timeoutSeconds = requireSeconds(acquireTimeout);
        String description = redacted(jdbcUrl);
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, jdbcUrl);
        if (user != null && !user.isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_USER, user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
        }
        ConnectionPoolDataSource poolable;
        try {
            poolable = factory.createConnectionPoolDataSource(copy(properties));
        } catch (SQLFeatureNotSupportedException e) {
            poolable = null;
        } catch (SQLException e) {
            throw new StoreException("create a data source for " + description + " through "
                    + factory.getClass().getName(), e);
        }
        try {
            if (poolable != null) {
                poolable.setLoginTimeout(timeoutSeconds);
                return pooled(poolable, maxPool, timeoutSeconds, description);
            }
            DataSource plain = factory.createDataSource(copy(properties));
            plain.setLoginTimeout(timeoutSeconds);
            BoundedDataSource bounded = new BoundedDataSource(plain, maxPool, acquireTimeout, description);
            return new Opened() {
                @Override
                public DataSource dataSource() {
                    return bounded;
                }

                @Override
                public String description() {
                    return description + " (not pooled: the driver makes no ConnectionPoolDataSource)";
                }

                @Override
                public void close() {
                    // every connection is closed by its user; nothing is held here
                }

                @Override
                public String toString() {
                    return "StoreDataSources.Opened[" + description() + "]";
                }
            };
        } catch (SQLException e) {
            throw new StoreException("create a data source for " + description + " through "
                    + factory.getClass().getName(), e);
        }
    }

    private static Opened pooled(ConnectionPoolDataSource source, int maxConnections, int timeoutSeconds,
            String description) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(maxConnections);
        pool.setLoginTimeout(timeoutSeconds);
        return new Opened() {
            @Override
            public DataSource dataSource() {
                return pool;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public void close() {
                pool.dispose();
            }

            @Override
            public String toString() {
                return "StoreDataSources.Opened[" + description + "]";
            }
        };
    }

    private static Properties copy(Properties properties) {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    private static int requirePoolSize(int maxConnections) {
        if (maxConnections < 1 || maxConnections > 1000) {
            throw new IllegalArgumentException("maxConnections: must be from 1 to 1000, was " + maxConnections);
        }
        return maxConnections;
    }

    private static int requireSeconds(Duration timeout) {
        Objects.requireNonNull(timeout, "acquireTimeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("acquireTimeout: must be positive, was " + timeout);
        }
        return (int) Math.min(Integer.MAX_VALUE, timeout.plusMillis(999).toSeconds());
    }

    /**
     * The URL without what may hold credentials: its parameters (after {@code ?} or {@code ;}) are cut and a
     * {@code user:password@} part is replaced by {@code ***@}.
     */
    static String redacted(String jdbcUrl) {
        int cut = jdbcUrl.length();
        for (char c : new char[] {'?', ';'}) {
            int at = jdbcUrl.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return USER_INFO.matcher(jdbcUrl.substring(0, cut)).replaceAll("//***@");
    }
}
