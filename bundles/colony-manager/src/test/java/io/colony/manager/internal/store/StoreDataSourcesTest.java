package io.colony.manager.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.XADataSource;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.jdbc.DataSourceFactory;

class StoreDataSourcesTest {

    @TempDir
    Path data;

    /** H2's own OSGi factory (what its bundle registers), recording what it was asked for. */
    private static final class RecordingFactory implements DataSourceFactory {
        final DataSourceFactory h2 = new OsgiDataSourceFactory(org.h2.Driver.load());
        final List<Properties> asked = new ArrayList<>();
        final boolean pooling;

        RecordingFactory(boolean pooling) {
            this.pooling = pooling;
        }

        @Override
        public DataSource createDataSource(Properties props) throws SQLException {
            asked.add(props);
            return h2.createDataSource(props);
        }

        @Override
        public ConnectionPoolDataSource createConnectionPoolDataSource(Properties props) throws SQLException {
            asked.add(props);
            if (!pooling) {
                throw new SQLFeatureNotSupportedException("no pooling here");
            }
            return h2.createConnectionPoolDataSource(props);
        }

        @Override
        public XADataSource createXADataSource(Properties props) throws SQLException {
            throw new SQLFeatureNotSupportedException("not used by the store");
        }

        @Override
        public Driver createDriver(Properties props) throws SQLException {
            throw new SQLFeatureNotSupportedException("not used by the store");
        }
    }

    private String externalUrl() {
        return "jdbc:h2:file:" + data.resolve("external").resolve("db").toString().replace('\\', '/')
                + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Test
    void embeddedDatabaseIsAFileUnderTheDataDirectory() {
        try (JobStore store = new JobStore(StoreDataSources.h2File(data))) {
            store.insertJob(TestStores.job("1", 0), List.of());
        }
        assertTrue(Files.isRegularFile(data.resolve("jobs").resolve("jobs.mv.db")));
    }

    @Test
    void externalDatabaseIsReachedThroughTheDataSourceFactoryWithTheGivenCredentials() {
        RecordingFactory factory = new RecordingFactory(true);
        StoreDataSources.Opened opened = StoreDataSources.external(factory, externalUrl(), "colony", "s3cret-pw");
        assertFalse(opened.description().contains("s3cret-pw"), opened.description());
        assertFalse(opened.description().contains("DB_CLOSE"), opened.description());
        try (JobStore store = new JobStore(opened)) {
            store.insertJob(TestStores.job("1", 0), List.of());
            assertTrue(store.findJob("1").isPresent());
        }
        Properties asked = factory.asked.get(0);
        assertEquals(externalUrl(), asked.getProperty(DataSourceFactory.JDBC_URL));
        assertEquals("colony", asked.getProperty(DataSourceFactory.JDBC_USER));
        assertEquals("s3cret-pw", asked.getProperty(DataSourceFactory.JDBC_PASSWORD));

        // the database was created with that password: another one is refused, and not repeated in the error
        StoreException wrong = assertThrows(StoreException.class, () -> new JobStore(
                StoreDataSources.external(new RecordingFactory(true), externalUrl(), "colony", "not-the-password")));
        assertFalse(wrong.getMessage().contains("not-the-password"), wrong.getMessage());
        assertTrue(wrong.getMessage().startsWith("job store: could not open the job store"), wrong.getMessage());

        try (JobStore reopened = new JobStore(StoreDataSources.external(new RecordingFactory(true), externalUrl(),
                "colony", "s3cret-pw"))) {
            assertTrue(reopened.findJob("1").isPresent(), "the data is in the external database");
        }
    }

    @Test
    void factoryWithoutConnectionPoolingStillBoundsOpenConnections() throws SQLException {
        RecordingFactory factory = new RecordingFactory(false);
        try (StoreDataSources.Opened opened = StoreDataSources.external(factory, externalUrl(), "colony", "pw", 1,
                Duration.ofMillis(300))) {
            assertTrue(opened.description().contains("not pooled"), opened.description());
            DataSource ds = opened.dataSource();
            assertInstanceOf(BoundedDataSource.class, ds);
            try (Connection held = ds.getConnection()) {
                long start = System.nanoTime();
                SQLException e = assertThrows(SQLException.class, ds::getConnection);
                long waitedMillis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(e.getMessage().contains("all 1 connections"), e.getMessage());
                assertTrue(waitedMillis >= 250, "gave up after " + waitedMillis + " ms");
                assertTrue(held.isValid(1));
            }
            try (Connection again = ds.getConnection()) {
                assertTrue(again.isValid(1), "closing the held connection freed its place");
            }
            assertEquals(1, ((BoundedDataSource) ds).available());
        }
    }

    @Test
    void embeddedPoolGivesUpWaitingForAFreeConnection() throws SQLException {
        try (StoreDataSources.Opened opened = StoreDataSources.h2File(data, 1, Duration.ofSeconds(1))) {
            DataSource ds = opened.dataSource();
            try (Connection held = ds.getConnection()) {
                long start = System.nanoTime();
                assertThrows(SQLException.class, ds::getConnection);
                long waitedMillis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(waitedMillis >= 900 && waitedMillis < 10_000, "gave up after " + waitedMillis + " ms");
                assertTrue(held.isValid(1));
            }
        }
    }

    @Test
    void settingsOutOfRangeAreRefusedNamingThem() {
        RecordingFactory factory = new RecordingFactory(true);
        IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
                () -> StoreDataSources.external(factory, "postgresql://bob:hunter2@db/colony", "bob", "hunter2"));
        assertTrue(url.getMessage().startsWith("jdbcUrl: "), url.getMessage());
        assertFalse(url.getMessage().contains("hunter2"), url.getMessage());
        IllegalArgumentException pool = assertThrows(IllegalArgumentException.class,
                () -> StoreDataSources.h2File(data, 0, Duration.ofSeconds(1)));
        assertTrue(pool.getMessage().startsWith("maxConnections: "), pool.getMessage());
        IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class,
                () -> StoreDataSources.h2File(data, 1, Duration.ZERO));
        assertTrue(timeout.getMessage().startsWith("acquireTimeout: "), timeout.getMessage());
    }

    @Test
    void redactedUrlKeepsNoCredentials() {
        assertEquals("jdbc:postgresql://***@db.example:5432/colony", StoreDataSources.redacted(
                "jdbc:postgresql://bob:hunter2@db.example:5432/colony?password=hunter2&ssl=true"));
        assertEquals("jdbc:postgresql://db.example/colony",
                StoreDataSources.redacted("jdbc:postgresql://db.example/colony?user=bob&password=hunter2"));
        assertEquals("jdbc:h2:tcp://db.example/jobs",
                StoreDataSources.redacted("jdbc:h2:tcp://db.example/jobs;USER=bob;PASSWORD=hunter2"));
    }
}
