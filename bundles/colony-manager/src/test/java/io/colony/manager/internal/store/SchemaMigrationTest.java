package io.colony.manager.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {

    @TempDir
    Path data;

    /** The real migrations, then one that fails if it ever runs twice (its table is created without IF NOT EXISTS). */
    private static final List<Migrations.Migration> WITH_VERSION_2 = withExtra(
            new Migrations.Migration(2, "a probe table", List.of("CREATE TABLE probe (x INTEGER)")));

    private static List<Migrations.Migration> withExtra(Migrations.Migration extra) {
        List<Migrations.Migration> all = new ArrayList<>(Migrations.ALL);
        all.add(extra);
        return all;
    }

    private static JobStore open(StoreDataSources.Opened source, List<Migrations.Migration> migrations,
            Instant now) {
        return new JobStore(source.dataSource(), Duration.ofSeconds(5), 1024, Clock.fixed(now, ZoneOffset.UTC),
                migrations, source);
    }

    private static List<String> appliedVersions(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT version, applied_at FROM schema_version ORDER BY version");
                ResultSet rs = ps.executeQuery()) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getInt(1) + "@" + rs.getLong(2));
            }
            return rows;
        }
    }

    @Test
    void newDatabaseGetsEveryMigrationOnce() throws SQLException {
        StoreDataSources.Opened source = StoreDataSources.h2File(data);
        try (JobStore store = open(source, Migrations.ALL, Instant.ofEpochMilli(1000))) {
            assertEquals(Migrations.LATEST, store.schemaVersion());
            assertEquals(List.of("1@1000"), appliedVersions(source.dataSource()));
            assertEquals(Dialect.H2, store.dialect());
        }
    }

    @Test
    void reopeningAnExistingDatabaseDoesNotRunItsMigrationsAgain() throws SQLException {
        try (JobStore store = open(StoreDataSources.h2File(data), WITH_VERSION_2, Instant.ofEpochMilli(1000))) {
            store.insertJob(TestStores.job("1", 0), List.of());
        }
        StoreDataSources.Opened source = StoreDataSources.h2File(data);
        // a second run of version 2 would fail: CREATE TABLE probe exists
        try (JobStore reopened = open(source, WITH_VERSION_2, Instant.ofEpochMilli(2000))) {
            assertEquals(2, reopened.schemaVersion());
            assertEquals(List.of("1@1000", "2@1000"), appliedVersions(source.dataSource()));
            assertTrue(reopened.findJob("1").isPresent(), "the data is still there");
        }
    }

    @Test
    void onlyMigrationsNewerThanTheDatabaseAreApplied() throws SQLException {
        try (JobStore store = open(StoreDataSources.h2File(data), Migrations.ALL, Instant.ofEpochMilli(1000))) {
            store.insertJob(TestStores.job("1", 0), List.of());
        }
        StoreDataSources.Opened source = StoreDataSources.h2File(data);
        try (JobStore upgraded = open(source, WITH_VERSION_2, Instant.ofEpochMilli(3000))) {
            assertEquals(List.of("1@1000", "2@3000"), appliedVersions(source.dataSource()));
            assertTrue(upgraded.findJob("1").isPresent());
        }
    }

    @Test
    void schemaNewerThanTheCodeIsRefusedWithAClearMessage() {
        try (JobStore store = open(StoreDataSources.h2File(data), WITH_VERSION_2, Instant.ofEpochMilli(1000))) {
            assertEquals(2, store.schemaVersion());
        }
        StoreException e = assertThrows(StoreException.class, () -> TestStores.open(data));
        assertEquals("job store: the database's schema is version 2, newer than this manager's " + Migrations.LATEST
                + "; a newer manager wrote it: run that version or point this one at another database",
                e.getMessage());
        // the refused store closed its source: the database can be opened again at once
        try (JobStore again = open(StoreDataSources.h2File(data), WITH_VERSION_2, Instant.ofEpochMilli(1000))) {
            assertEquals(2, again.schemaVersion());
        }
    }

    @Test
    void failingMigrationIsReportedWithItsVersionAndNotRecorded() throws SQLException {
        List<Migrations.Migration> broken = withExtra(new Migrations.Migration(2, "a broken statement",
                List.of("CREATE TABLE broken (x NO_SUCH_TYPE)")));
        StoreException e = assertThrows(StoreException.class,
                () -> open(StoreDataSources.h2File(data), broken, Instant.ofEpochMilli(1000)));
        assertTrue(e.getMessage().startsWith("job store: could not open the job store and migrate its schema:"
                + " migration 2 (a broken statement):"), e.getMessage());
        StoreDataSources.Opened source = StoreDataSources.h2File(data);
        try (JobStore store = open(source, Migrations.ALL, Instant.ofEpochMilli(2000))) {
            assertEquals(List.of("1@1000"), appliedVersions(source.dataSource()));
        }
    }
}
