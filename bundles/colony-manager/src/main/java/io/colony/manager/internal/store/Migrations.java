package io.colony.manager.internal.store;

import java.util.List;

/**
 * The store's schema, as numbered migrations applied in order; {@code schema_version} records each one applied, and
 * {@link JobStore} applies only those above the highest recorded. Statements are written to be idempotent
 * ({@code IF NOT EXISTS}, {@code WHERE NOT EXISTS}) so a migration interrupted half-way (DDL commits on its own in
 * some databases) can run again. {@code ${BINARY}} and {@code ${TEXT}} are replaced by the {@link Dialect}'s types.
 * Add a new version at the end; never change one that shipped.
 *
 * <p>Version 1:
 * <ul>
 * <li>{@code jobs}: id, spec_json, status, priority, keep_result, created_at, started_at, finished_at (epoch ms),
 * error</li>
 * <li>{@code tasks}: (job_id, task_index), status, worker, pinned_to, attempts, started_at, finished_at, exit_code,
 * error, input, input_type; deleted with their job</li>
 * <li>{@code results}: (job_id, task_index), bytes, content_type, stored_at; task_index -1 is the job's result;
 * deleted with their job</li>
 * <li>{@code job_id_high_water}: one row, the highest numeric job id ever inserted (kept when jobs are deleted)</li>
 * </ul>
 *
 * <p>Version 2: {@code tasks.setup}, a manifest task's setup on its worker as JSON (see {@link SetupColumn}), or null.
 *
 * <p>Version 3: {@code tasks.diagnostics}, the compiler's messages of a source task whose last attempt did not compile,
 * as JSON (see {@link DiagnosticsColumn}), or null for none.
 */
final class Migrations {

    record Migration(int version, String description, List<String> statements) {
    }

    static final String VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version ("
            + "version INTEGER NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)";

    static final List<Migration> ALL = List.of(new Migration(1, "jobs, tasks, results and the job id high-water mark",
            List.of(
            "CREATE TABLE IF NOT EXISTS jobs ("
                    + "id VARCHAR(" + JobRecord.MAX_ID_LENGTH + ") NOT NULL PRIMARY KEY,"
                    + " spec_json ${TEXT} NOT NULL,"
                    + " status VARCHAR(16) NOT NULL,"
                    + " priority INTEGER NOT NULL,"
                    + " keep_result BOOLEAN NOT NULL,"
                    + " created_at BIGINT NOT NULL,"
                    + " started_at BIGINT,"
                    + " finished_at BIGINT,"
                    + " error ${TEXT})",
            "CREATE INDEX IF NOT EXISTS jobs_status ON jobs (status)",
            "CREATE INDEX IF NOT EXISTS jobs_created ON jobs (created_at)",
            "CREATE INDEX IF NOT EXISTS jobs_finished ON jobs (finished_at)",
            "CREATE TABLE IF NOT EXISTS tasks ("
                    + "job_id VARCHAR(" + JobRecord.MAX_ID_LENGTH + ") NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,"
                    + " task_index INTEGER NOT NULL,"
                    + " status VARCHAR(16) NOT NULL,"
                    + " worker VARCHAR(" + TaskRecord.MAX_NAME_LENGTH + "),"
                    + " pinned_to VARCHAR(" + TaskRecord.MAX_NAME_LENGTH + "),"
                    + " attempts INTEGER NOT NULL,"
                    + " started_at BIGINT,"
                    + " finished_at BIGINT,"
                    + " exit_code INTEGER,"
                    + " error ${TEXT},"
                    + " input ${BINARY},"
                    + " input_type VARCHAR(" + TaskRecord.MAX_NAME_LENGTH + "),"
                    + " PRIMARY KEY (job_id, task_index))",
            "CREATE INDEX IF NOT EXISTS tasks_status ON tasks (status)",
            "CREATE TABLE IF NOT EXISTS results ("
                    + "job_id VARCHAR(" + JobRecord.MAX_ID_LENGTH + ") NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,"
                    + " task_index INTEGER NOT NULL,"
                    + " bytes ${BINARY} NOT NULL,"
                    + " content_type VARCHAR(" + TaskRecord.MAX_NAME_LENGTH + ") NOT NULL,"
                    + " stored_at BIGINT NOT NULL,"
                    + " PRIMARY KEY (job_id, task_index))",
            "CREATE TABLE IF NOT EXISTS job_id_high_water ("
                    + "singleton INTEGER NOT NULL PRIMARY KEY, highest BIGINT NOT NULL)",
            "INSERT INTO job_id_high_water (singleton, highest)"
                    + " SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM job_id_high_water)")),
            new Migration(2, "the setup of a manifest task on its worker",
                    List.of("ALTER TABLE tasks ADD COLUMN IF NOT EXISTS setup ${TEXT}")),
            new Migration(3, "the compiler's diagnostics of a source task",
                    List.of("ALTER TABLE tasks ADD COLUMN IF NOT EXISTS diagnostics ${TEXT}")));

    /** The schema version this code writes. */
    static final int LATEST = ALL.get(ALL.size() - 1).version();

    private Migrations() {
    }
}
