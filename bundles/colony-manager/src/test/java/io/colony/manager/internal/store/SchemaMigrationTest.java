package io.colony.manager.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.TaskSetup;
import io.colony.api.job.TaskStatus;
import io.colony.api.source.Diagnostic;
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

    /** The version after the real ones. */
    private static final int NEXT = Migrations.LATEST + 1;

    /** The real migrations, then one that fails if it ever runs twice (its table is created without IF NOT EXISTS). */
    private static final List<Migrations.Migration> WITH_NEXT = withExtra(
            new Migrations.Migration(NEXT, "a probe table", List.of("CREATE TABLE probe (x INTEGER)")));

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
            assertEquals(List.of("1@1000", "2@1000", "3@1000"), appliedVersions(source.dataSource()));
            assertEquals(Dialect.H2, store.dialect());
        }
    }

    @Test
    void reopeningAnExistingDatabaseDoesNotRunItsMigrationsAgain() throws SQLException {
        try (JobStore store = open(StoreDataSources.h2File(data), WITH_NEXT, Instant.ofEpochMilli(1000))) {
            store.insertJob(TestStores.job("1", 0), List.of());
        }
        StoreDataSources.Opened source = StoreDataSources.h2File(data);
        // a second run of the probe's version would fail: CREATE TABLE probe exists
        try (JobStore reopened = open(source, WITH_NEXT, Instant.ofEpochMilli(2000))) {
            assertEquals(NEXT, reopened.schemaVersion());
            assertEquals(List.of("1@1000", "2@1000", "3@1000", NEXT + "@1000"), appliedVersions(source.dataSource()));
            assertTrue(reopened.findJob("1").isPresent(), "the data is still there");
        }
    }

    @Test
    void onlyMigrationsNewerThanTheDatabaseAreApplied() throws SQLException {
        try (JobStore store = open(StoreDataSources.h2File(data), Migrations.ALL, Instant.ofEpochMilli(1000))) {
            store.insertJob(TestStores.job("1", 0), List.of());
        }
        StoreDataSources.Opened source = StoreDataSources.h2File(data);
        try (JobStore upgraded = open(source, WITH_NEXT, Instant.ofEpochMilli(3000))) {
            assertEquals(List.of("1@1000", "2@1000", "3@1000", NEXT + "@3000"), appliedVersions(source.dataSource()));
            assertTrue(upgraded.findJob("1").isPresent());
        }
    }

    @Test
    void schemaNewerThanTheCodeIsRefusedWithAClearMessage() {
        try (JobStore store = open(StoreDataSources.h2File(data), WITH_NEXT, Instant.ofEpochMilli(1000))) {
            assertEquals(NEXT, store.schemaVersion());
        }
        StoreException e = assertThrows(StoreException.class, () -> TestStores.open(data));
        assertEquals("job store: the database's schema is version " + NEXT + ", newer than this manager's " + Migrations.LATEST
                + "; a newer manager wrote it: run that version or point this one at another database",
                e.getMessage());
        // the refused store closed its source: the database can be opened again at once
        try (JobStore again = open(StoreDataSources.h2File(data), WITH_NEXT, Instant.ofEpochMilli(1000))) {
            assertEquals(NEXT, again.schemaVersion());
        }
    }

    @Test
    void failingMigrationIsReportedWithItsVersionAndNotRecorded() throws SQLException {
        List<Migrations.Migration> broken = withExtra(new Migrations.Migration(NEXT, "a broken statement",
                List.of("CREATE TABLE broken (x NO_SUCH_TYPE)")));
        StoreException e = assertThrows(StoreException.class,
                () -> open(StoreDataSources.h2File(data), broken, Instant.ofEpochMilli(1000)));
        assertTrue(e.getMessage().startsWith("job store: could not open the job store and migrate its schema:"
                + " migration " + NEXT + " (a broken statement):"), e.getMessage());
        StoreDataSources.Opened source = StoreDataSources.h2File(data);
        try (JobStore store = open(source, Migrations.ALL, Instant.ofEpochMilli(2000))) {
            assertEquals(List.of("1@1000", "2@1000", "3@1000"), appliedVersions(source.dataSource()));
        }
    }

    /** Statements run on a database connection. */
    @FunctionalInterface
    private interface Rows {
        void insert(Connection c) throws SQLException;
    }

    /** A database at an older schema version, written at 1000 ms, holding a running job with that id and the given rows. */
    private void olderDatabase(int version, String jobId, Rows rows) throws SQLException {
        StoreDataSources.Opened source = StoreDataSources.h2File(data);
        try (JobStore older = open(source, Migrations.ALL.subList(0, version), Instant.ofEpochMilli(1000));
                Connection c = source.dataSource().getConnection()) {
            assertEquals(version, older.schemaVersion());
            c.createStatement().executeUpdate("INSERT INTO jobs (id, spec_json, status, priority, keep_result, created_at)"
                    + " VALUES ('" + jobId + "', '{}', 'RUNNING', 0, FALSE, 1000)");
            rows.insert(c);
        }
    }

    @Test
    void aVersion1DatabaseGainsTheSetupColumnAndKeepsItsTasks() throws SQLException {
        olderDatabase(1, "7", c -> c.createStatement().executeUpdate("INSERT INTO tasks (job_id, task_index, status, worker, attempts)"
                + " VALUES ('7', 0, 'RUNNING', 'w1', 1)"));
        try (JobStore upgraded = open(StoreDataSources.h2File(data), Migrations.ALL, Instant.ofEpochMilli(2000))) {
            assertEquals(Migrations.LATEST, upgraded.schemaVersion());
            TaskRecord task = upgraded.findTask("7", 0).orElseThrow();
            assertEquals("w1", task.worker());
            assertEquals(null, task.setup());
            TaskSetup setup = new TaskSetup(List.of("g:a:1.0"), Duration.ofMillis(840), false);
            TaskRecord setUp = new TaskRecord("7", 0, TaskStatus.RUNNING, "w1", null, 1, null, null, null, null, null, null, setup, List.of());
            assertTrue(upgraded.updateTask(setUp, TaskStatus.RUNNING));
            assertEquals(setup, upgraded.findTask("7", 0).orElseThrow().setup());
        }
    }

    @Test
    void aVersion2DatabaseGainsTheDiagnosticsColumnAndKeepsItsTasksAndTheirSetup() throws SQLException {
        TaskSetup setup = new TaskSetup(List.of("g:a:1.0"), Duration.ofMillis(840), true);
        olderDatabase(2, "8", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tasks (job_id, task_index, status, worker, attempts,"
                    + " error, setup) VALUES ('8', 0, 'FAILED', 'w1', 1, 'the plugin failed', ?)")) {
                ps.setString(1, SetupColumn.write(setup));
                ps.executeUpdate();
            }
        });
        StoreDataSources.Opened source = StoreDataSources.h2File(data);
        try (JobStore upgraded = open(source, Migrations.ALL, Instant.ofEpochMilli(2000))) {
            assertEquals(3, upgraded.schemaVersion());
            assertEquals(List.of("1@1000", "2@1000", "3@2000"), appliedVersions(source.dataSource()));
            TaskRecord task = upgraded.findTask("8", 0).orElseThrow();
            assertEquals("the plugin failed", task.error());
            assertEquals(setup, task.setup());
            assertEquals(List.of(), task.diagnostics());

            List<Diagnostic> diagnostics = List.of(new Diagnostic("ERROR", "demo/Squares.java", 12, 5, "';' expected"),
                    new Diagnostic("NOTE", "", 0, 0, "Some input files use unchecked or unsafe operations."));
            TaskRecord failed = new TaskRecord("8", 0, TaskStatus.FAILED, "w1", null, 1, null, null, null,
                    "the source does not compile", null, null, null, diagnostics);
            assertTrue(upgraded.updateTask(failed, TaskStatus.FAILED));
            assertEquals(diagnostics, upgraded.findTask("8", 0).orElseThrow().diagnostics());
        }
    }
}
