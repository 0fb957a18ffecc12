package io.colony.manager.internal.store;

import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Jobs, their tasks and results in a database reached through JDBC: an embedded H2 file under the node's data
 * directory or an external database such as PostgreSQL (see {@link StoreDataSources}). Opening a store creates or
 * migrates the schema ({@link Migrations}) and refuses a schema newer than this code. Every statement is a
 * {@link PreparedStatement} with a query timeout; every connection, statement and result set is closed within the
 * call; any {@link SQLException} is thrown as a {@link StoreException} saying what was being done. Times are stored
 * as epoch milliseconds, so they come back truncated to the millisecond. Results and task inputs larger than the
 * configured maximum are refused before they reach the database. Thread-safe as far as the data source is. The store
 * holds no connection between calls; {@link #close()} closes the {@link StoreDataSources.Opened} it was given, if any.
 */
public final class JobStore implements AutoCloseable {

    /** The query timeout used unless one is given. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    /** The largest result (or task input) stored unless another maximum is given: 64 MiB. */
    public static final int DEFAULT_MAX_RESULT_BYTES = 64 * 1024 * 1024;
    /** The most jobs one {@link #listJobs} call returns. */
    public static final int MAX_LIST_LIMIT = 10_000;

    /** Statements sent per JDBC batch. */
    private static final int BATCH_SIZE = 500;
    /** The longest decimal job id taken as a number: 18 digits always fit a long. */
    private static final int MAX_NUMERIC_ID_DIGITS = 18;

    private static final String JOB_COLUMNS =
            "id, spec_json, status, priority, keep_result, created_at, started_at, finished_at, error";
    private static final String TASK_COLUMNS = "job_id, task_index, status, worker, pinned_to, attempts, started_at,"
            + " finished_at, exit_code, error, input, input_type, setup, diagnostics";
    private static final String UPDATE_TASK = "UPDATE tasks SET status = ?, worker = ?, attempts = ?,"
            + " started_at = ?, finished_at = ?, exit_code = ?, error = ?, setup = ?, diagnostics = ?"
            + " WHERE job_id = ? AND task_index = ?";
    private static final String UPDATE_JOB =
            "UPDATE jobs SET status = ?, started_at = ?, finished_at = ?, error = ? WHERE id = ?";
    private static final String RESULT_COLUMNS = "job_id, task_index, bytes, content_type, stored_at";
    private static final String FINAL_JOB = inList(Arrays.stream(JobStatus.values()).filter(JobStatus::isFinal));
    private static final String UNFINISHED_JOB =
            inList(Arrays.stream(JobStatus.values()).filter(s -> !s.isFinal()));

    private final DataSource dataSource;
    private final int timeoutSeconds;
    private final int maxResultBytes;
    private final Clock clock;
    private final Dialect dialect;
    private final StoreDataSources.Opened owned;
    private volatile boolean closed;

    /**
     * Opens a store on a data source with the default query timeout and maximum result size, creating or migrating
     * its schema. The caller keeps the data source and closes it after the store is no longer used.
     *
     * @throws StoreException if the database cannot be reached, its schema cannot be migrated or is newer than this
     *     code
     */
    public JobStore(DataSource dataSource) {
        this(dataSource, DEFAULT_QUERY_TIMEOUT, DEFAULT_MAX_RESULT_BYTES);
    }

    /**
     * Opens a store on a data source, creating or migrating its schema. The caller keeps the data source and closes
     * it after the store is no longer used.
     *
     * @param queryTimeout how long any one statement may take; rounded up to whole seconds
     * @param maxResultBytes the largest result or task input stored, in bytes
     * @throws IllegalArgumentException if the timeout or maximum is not positive
     * @throws StoreException if the database cannot be reached, its schema cannot be migrated or is newer than this
     *     code
     */
    public JobStore(DataSource dataSource, Duration queryTimeout, int maxResultBytes) {
        this(Objects.requireNonNull(dataSource, "dataSource"), queryTimeout, maxResultBytes, Clock.systemUTC(),
                Migrations.ALL, null);
    }

    /**
     * Opens a store that owns an opened data source ({@link StoreDataSources}), with the default query timeout and
     * maximum result size: {@link #close()} closes the source, and so does this constructor if it fails.
     *
     * @throws StoreException if the database cannot be reached, its schema cannot be migrated or is newer than this
     *     code
     */
    public JobStore(StoreDataSources.Opened source) {
        this(source, DEFAULT_QUERY_TIMEOUT, DEFAULT_MAX_RESULT_BYTES);
    }

    /**
     * Opens a store that owns an opened data source ({@link StoreDataSources}): {@link #close()} closes the source,
     * and so does this constructor if it fails.
     *
     * @param queryTimeout how long any one statement may take; rounded up to whole seconds
     * @param maxResultBytes the largest result or task input stored, in bytes
     * @throws IllegalArgumentException if the timeout or maximum is not positive
     * @throws StoreException if the database cannot be reached, its schema cannot be migrated or is newer than this
     *     code
     */
    public JobStore(StoreDataSources.Opened source, Duration queryTimeout, int maxResultBytes) {
        this(Objects.requireNonNull(source, "source").dataSource(), queryTimeout, maxResultBytes, Clock.systemUTC(),
                Migrations.ALL, source);
    }

    /**
     * For tests: a clock for the migration records and another list of migrations.
     *
     * @param owned the source to close on {@link #close()} or on failure here, or null
     */
    JobStore(DataSource dataSource, Duration queryTimeout, int maxResultBytes, Clock clock,
            List<Migrations.Migration> migrations, StoreDataSources.Opened owned) {
        this.owned = owned;
        try {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            Objects.requireNonNull(queryTimeout, "queryTimeout");
            if (queryTimeout.isNegative() || queryTimeout.isZero()) {
                throw new IllegalArgumentException("queryTimeout: must be positive, was " + queryTimeout);
            }
            if (maxResultBytes <= 0) {
                throw new IllegalArgumentException("maxResultBytes: must be positive, was " + maxResultBytes);
            }
            long seconds = queryTimeout.plusMillis(999).toSeconds();
            this.timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, seconds);
            this.maxResultBytes = maxResultBytes;
            this.clock = Objects.requireNonNull(clock, "clock");
            this.dialect = migrate(migrations);
        } catch (RuntimeException e) {
            if (owned != null) {
                try {
                    owned.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    /**
     * Closes the store: later calls throw a {@link StoreException}. Closes the data source if the store owns one
     * (opened with a {@link StoreDataSources.Opened}); a plain {@link DataSource} is left to its owner.
     */
    @Override
    public void close() {
        closed = true;
        if (owned != null) {
            owned.close();
        }
    }

    // ---------------------------------------------------------------- schema

    private Dialect migrate(List<Migrations.Migration> migrations) {
        int latest = migrations.get(migrations.size() - 1).version();
        try (Connection c = dataSource.getConnection()) {
            Dialect d = Dialect.of(c.getMetaData().getDatabaseProductName());
            boolean autoCommit = c.getAutoCommit();
            try {
                c.setAutoCommit(true);
                execute(c, Migrations.VERSION_TABLE);
                int current = currentVersion(c);
                if (current > latest) {
                    throw new StoreException("job store: the database's schema is version " + current
                            + ", newer than this manager's " + latest
                            + "; a newer manager wrote it: run that version or point this one at another database");
                }
                for (Migrations.Migration m : migrations) {
                    if (m.version() > current) {
                        apply(c, d, m);
                    }
                }
            } finally {
                c.setAutoCommit(autoCommit);
            }
            return d;
        } catch (SQLException e) {
            throw new StoreException("open the job store and migrate its schema", e);
        }
    }

    private void apply(Connection c, Dialect d, Migrations.Migration m) throws SQLException {
        c.setAutoCommit(false);
        try {
            for (String statement : m.statements()) {
                execute(c, d.ddl(statement));
            }
            try (PreparedStatement ps = prepare(c,
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, m.version());
                ps.setString(2, m.description());
                ps.setLong(3, clock.millis());
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly(c, e);
            throw new SQLException("migration " + m.version() + " (" + m.description() + "): " + e.getMessage(),
                    e.getSQLState(), e.getErrorCode(), e);
        } catch (RuntimeException e) {
            rollbackQuietly(c, e);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql)) {
            ps.execute();
        }
    }

    private int currentVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = prepare(c, "SELECT MAX(version) FROM schema_version");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The schema version the database is at. */
    public int schemaVersion() {
        return call("read the schema version", this::currentVersion);
    }

    // ---------------------------------------------------------------- writes

    /**
     * Stores a new job with its tasks, all or nothing, and raises the job id high-water mark if the id is numeric.
     *
     * @throws IllegalArgumentException if the spec is empty, a task is of another job, or a task's input is larger than
     *     the maximum
     * @throws StoreException if a job with that id exists ({@link StoreException#isConstraintViolation()}), two tasks
     *     share an index, or the database fails
     */
    public void insertJob(JobRecord job, List<TaskRecord> tasks) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(tasks, "tasks");
        requireSpec(job);
        for (int i = 0; i < tasks.size(); i++) {
            TaskRecord t = tasks.get(i);
            if (!t.jobId().equals(job.id())) {
                throw new IllegalArgumentException("tasks[" + i + "].jobId: is " + t.jobId() + ", not the job's "
                        + job.id());
            }
            if (t.input() != null) {
                requireSize(t.input().length, "tasks[" + i + "].input", "task " + job.id() + "#" + t.index());
            }
        }
        inTransaction("insert job " + job.id() + " with " + tasks.size() + " tasks", c -> {
            insertJobs(c, List.of(job));
            insertTasks(c, tasks);
            return null;
        });
    }

    /**
     * Writes a batch of changes in one transaction, all or nothing (see {@link StoreBatch} for what each part does):
     * many changes for one commit. New tasks and results of jobs that are no longer stored (deleted or purged since)
     * are skipped rather than failing the batch; updates of tasks or jobs that are not stored change nothing.
     *
     * @throws IllegalArgumentException if a result or a new task's input is larger than the maximum; nothing is
     *     written
     * @throws StoreException if the database fails (a new task that exists, for one); nothing is written
     */
    public void write(StoreBatch batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.isEmpty()) {
            return;
        }
        for (int i = 0; i < batch.newJobs().size(); i++) {
            requireSpec(batch.newJobs().get(i));
        }
        for (int i = 0; i < batch.newTasks().size(); i++) {
            TaskRecord t = batch.newTasks().get(i);
            if (t.input() != null) {
                requireSize(t.input().length, "newTasks[" + i + "].input", "task " + t.jobId() + "#" + t.index());
            }
        }
        Map<String, ResultRecord> results = new LinkedHashMap<>();
        for (int i = 0; i < batch.results().size(); i++) {
            ResultRecord r = batch.results().get(i);
            requireSize(r.bytes().length, "results[" + i + "].bytes", "result " + r.jobId() + "#" + r.taskIndex());
            String key = r.jobId() + "#" + r.taskIndex();
            results.remove(key);
            results.put(key, r);
        }
        inTransaction("write " + batch.size() + " changes (" + batch.newJobs().size() + " new jobs, "
                + batch.newTasks().size() + " new tasks, " + batch.taskUpdates().size() + " task updates, "
                + results.size() + " results, " + batch.jobUpdates().size() + " job updates)", c -> {
                    insertJobs(c, batch.newJobs());
                    Set<String> inserted = batch.newJobs().stream().map(JobRecord::id).collect(Collectors.toSet());
                    Set<String> present = storedJobs(c, Stream.concat(batch.newTasks().stream().map(TaskRecord::jobId),
                            results.values().stream().map(ResultRecord::jobId)).filter(id -> !inserted.contains(id))
                            .collect(Collectors.toSet()));
                    present.addAll(inserted);
                    insertTasks(c, batch.newTasks().stream().filter(t -> present.contains(t.jobId())).toList());
                    if (!batch.taskUpdates().isEmpty()) {
                        try (PreparedStatement ps = prepare(c, UPDATE_TASK)) {
                            executeBatched(ps, batch.taskUpdates(), JobStore::setTaskUpdate);
                        }
                    }
                    saveResults(c, results.values().stream().filter(r -> present.contains(r.jobId())).toList());
                    if (!batch.jobUpdates().isEmpty()) {
                        try (PreparedStatement ps = prepare(c, UPDATE_JOB)) {
                            executeBatched(ps, batch.jobUpdates(), JobStore::setJobUpdate);
                        }
                    }
                    return null;
                });
    }

    /**
     * Writes a job's status, start and finish times and error; its spec, priority, keep flag and creation time never
     * change.
     *
     * @return false if there is no such job
     */
    public boolean updateJob(JobRecord job) {
        Objects.requireNonNull(job, "job");
        return call("update job " + job.id() + " to " + job.status(), c -> {
            try (PreparedStatement ps = prepare(c, UPDATE_JOB)) {
                setJobUpdate(ps, job);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Writes a task's status, worker, attempts, times, exit code and error (not its pinning or input), if its stored
     * status is still {@code expected}: an optimistic check, so that of two writers racing on one task (a result
     * arriving as the task times out) only the first wins.
     *
     * @return false if the task is not there or its stored status is no longer {@code expected}
     */
    public boolean updateTask(TaskRecord task, TaskStatus expected) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(expected, "expected");
        return call("update task " + task.jobId() + "#" + task.index() + " from " + expected + " to " + task.status(),
                c -> {
                    try (PreparedStatement ps = prepare(c, UPDATE_TASK + " AND status = ?")) {
                        setTaskUpdate(ps, task);
                        ps.setString(12, expected.name());
                        return ps.executeUpdate() == 1;
                    }
                });
    }

    /**
     * Stores a result (a task's output, or with {@link ResultRecord#JOB_RESULT} the job's), replacing any earlier one
     * for the same job and index. The bytes may be empty.
     *
     * @throws IllegalArgumentException if the bytes are more than the maximum result size
     * @throws StoreException if the job is not in the store ({@link StoreException#isConstraintViolation()})
     */
    public void saveResult(ResultRecord result) {
        Objects.requireNonNull(result, "result");
        String what = "result " + result.jobId() + "#" + result.taskIndex();
        requireSize(result.bytes().length, "bytes", what);
        inTransaction("save " + what + " (" + result.bytes().length + " bytes)", c -> {
            saveResults(c, List.of(result));
            return null;
        });
    }

    /**
     * After a restart: the tasks of unfinished (QUEUED or RUNNING) jobs that were RUNNING when the manager stopped go
     * back to QUEUED, keeping their attempts (so the re-run counts against their retries), worker (the last one) and
     * start time. Call before {@link #unfinishedJobs()}.
     *
     * @return how many tasks were re-queued
     */
    public int requeueInterruptedTasks() {
        return call("re-queue interrupted tasks", c -> {
            try (PreparedStatement ps = prepare(c, "UPDATE tasks SET status = ? WHERE status = ?"
                    + " AND job_id IN (SELECT id FROM jobs WHERE status IN " + UNFINISHED_JOB + ")")) {
                ps.setString(1, TaskStatus.QUEUED.name());
                ps.setString(2, TaskStatus.RUNNING.name());
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Retention: deletes, with their tasks and results, the jobs that reached a final status before the cutoff,
     * except those with {@link JobRecord#keepResult()}. A final job without a finish time counts from its creation.
     *
     * @return the ids of the jobs deleted
     */
    public List<String> purgeFinishedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return inTransaction("purge the jobs finished before " + cutoff, c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, "SELECT id FROM jobs WHERE status IN " + FINAL_JOB
                    + " AND keep_result = ? AND COALESCE(finished_at, created_at) < ? ORDER BY id")) {
                ps.setBoolean(1, false);
                ps.setLong(2, cutoff.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            for (String table : List.of("results", "tasks", "jobs")) {
                String key = table.equals("jobs") ? "id" : "job_id";
                try (PreparedStatement ps = prepare(c, "DELETE FROM " + table + " WHERE " + key + " = ?")) {
                    executeBatched(ps, ids, (p, id) -> p.setString(1, id));
                }
            }
            return Collections.unmodifiableList(ids);
        });
    }

    /**
     * Deletes a finished job with its tasks and results (whether or not its result is kept).
     *
     * @return false if there is no such job
     * @throws IllegalStateException if the job is not finished (kill it first)
     */
    public boolean deleteJob(String id) {
        Objects.requireNonNull(id, "id");
        return inTransaction("delete job " + id, c -> {
            JobStatus status;
            try (PreparedStatement ps = prepare(c, "SELECT status FROM jobs WHERE id = ? FOR UPDATE")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    status = JobStatus.valueOf(rs.getString(1));
                }
            }
            if (!status.isFinal()) {
                throw new IllegalStateException("job " + id + " is " + status
                        + "; only a finished job can be deleted (kill it first)");
            }
            for (String sql : List.of("DELETE FROM results WHERE job_id = ?", "DELETE FROM tasks WHERE job_id = ?",
                    "DELETE FROM jobs WHERE id = ?")) {
                try (PreparedStatement ps = prepare(c, sql)) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
            }
            return true;
        });
    }

    // ---------------------------------------------------------------- reads

    /** A job by id. */
    public Optional<JobRecord> findJob(String id) {
        Objects.requireNonNull(id, "id");
        return call("find job " + id, c -> {
            try (PreparedStatement ps = prepare(c, "SELECT " + JOB_COLUMNS + " FROM jobs WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(job(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Jobs newest first (by creation time, then by id, both descending).
     *
     * @param status only jobs with this status, or null for all
     * @param limit at most this many, from 0 to {@value #MAX_LIST_LIMIT}
     * @param offset skipping this many first
     */
    public List<JobRecord> listJobs(JobStatus status, int limit, int offset) {
        if (limit < 0 || limit > MAX_LIST_LIMIT) {
            throw new IllegalArgumentException("limit: must be from 0 to " + MAX_LIST_LIMIT + ", was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset: must be 0 or more, was " + offset);
        }
        if (limit == 0) {
            return List.of();
        }
        return call("list jobs" + (status == null ? "" : " " + status), c -> {
            String where = status == null ? "" : " WHERE status = ?";
            try (PreparedStatement ps = prepare(c, "SELECT " + JOB_COLUMNS + " FROM jobs" + where
                    + " ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")) {
                int i = 1;
                if (status != null) {
                    ps.setString(i++, status.name());
                }
                ps.setInt(i++, offset);
                ps.setInt(i, limit);
                List<JobRecord> jobs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(job(rs));
                    }
                }
                return jobs;
            }
        });
    }

    /**
     * How many jobs there are.
     *
     * @param status only jobs with this status, or null for all
     */
    public int countJobs(JobStatus status) {
        return call("count jobs" + (status == null ? "" : " " + status), c -> {
            String where = status == null ? "" : " WHERE status = ?";
            try (PreparedStatement ps = prepare(c, "SELECT COUNT(*) FROM jobs" + where)) {
                if (status != null) {
                    ps.setString(1, status.name());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** A job's tasks by index, with their inputs; empty if there is no such job. */
    public List<TaskRecord> tasksOf(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        return call("read the tasks of job " + jobId, c -> {
            try (PreparedStatement ps = prepare(c,
                    "SELECT " + TASK_COLUMNS + " FROM tasks WHERE job_id = ? ORDER BY task_index")) {
                ps.setString(1, jobId);
                List<TaskRecord> tasks = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tasks.add(task(rs));
                    }
                }
                return tasks;
            }
        });
    }

    /** One task of a job. */
    public Optional<TaskRecord> findTask(String jobId, int index) {
        Objects.requireNonNull(jobId, "jobId");
        return call("find task " + jobId + "#" + index, c -> {
            try (PreparedStatement ps = prepare(c,
                    "SELECT " + TASK_COLUMNS + " FROM tasks WHERE job_id = ? AND task_index = ?")) {
                ps.setString(1, jobId);
                ps.setInt(2, index);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(task(rs)) : Optional.empty();
                }
            }
        });
    }

    /** How many of a job's tasks are in each status, without reading the tasks; statuses with none are left out. */
    public Map<TaskStatus, Integer> taskCounts(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        return call("count the tasks of job " + jobId, c -> {
            try (PreparedStatement ps = prepare(c,
                    "SELECT status, COUNT(*) FROM tasks WHERE job_id = ? GROUP BY status")) {
                ps.setString(1, jobId);
                Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(TaskStatus.valueOf(rs.getString(1)), rs.getInt(2));
                    }
                }
                return Collections.unmodifiableMap(counts);
            }
        });
    }

    /** A task's result, or with {@link ResultRecord#JOB_RESULT} the job's. */
    public Optional<ResultRecord> resultOf(String jobId, int taskIndex) {
        Objects.requireNonNull(jobId, "jobId");
        return call("read result " + jobId + "#" + taskIndex, c -> {
            try (PreparedStatement ps = prepare(c, "SELECT " + RESULT_COLUMNS
                    + " FROM results WHERE job_id = ? AND task_index = ?")) {
                ps.setString(1, jobId);
                ps.setInt(2, taskIndex);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(result(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The job's own result ({@link ResultRecord#JOB_RESULT}). */
    public Optional<ResultRecord> jobResultOf(String jobId) {
        return resultOf(jobId, ResultRecord.JOB_RESULT);
    }

    /**
     * All stored task results of a job, by task index, without the job's own result: what a split job that was
     * partly done before a restart already has.
     */
    public SortedMap<Integer, ResultRecord> taskResultsOf(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        return call("read the task results of job " + jobId, c -> {
            try (PreparedStatement ps = prepare(c, "SELECT " + RESULT_COLUMNS
                    + " FROM results WHERE job_id = ? AND task_index >= 0 ORDER BY task_index")) {
                ps.setString(1, jobId);
                SortedMap<Integer, ResultRecord> results = new TreeMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ResultRecord r = result(rs);
                        results.put(r.taskIndex(), r);
                    }
                }
                return Collections.unmodifiableSortedMap(results);
            }
        });
    }

    /**
     * The QUEUED and RUNNING jobs, highest priority first then oldest first, each with all its tasks and the task
     * results already stored: what to resume after a restart (call {@link #requeueInterruptedTasks()} first). Reads
     * every such job's inputs and results into memory; meant for start-up.
     */
    public List<UnfinishedJob> unfinishedJobs() {
        return call("read the unfinished jobs", c -> {
            Map<String, JobRecord> jobs = new LinkedHashMap<>();
            try (PreparedStatement ps = prepare(c, "SELECT " + JOB_COLUMNS + " FROM jobs"
                    + " WHERE status IN " + UNFINISHED_JOB + " ORDER BY priority DESC, created_at, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JobRecord job = job(rs);
                    jobs.put(job.id(), job);
                }
            }
            Map<String, List<TaskRecord>> tasks = new LinkedHashMap<>();
            try (PreparedStatement ps = prepare(c, "SELECT " + prefixed("t.", TASK_COLUMNS)
                    + " FROM tasks t JOIN jobs j ON j.id = t.job_id WHERE j.status IN " + UNFINISHED_JOB
                    + " ORDER BY t.job_id, t.task_index");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TaskRecord t = task(rs);
                    tasks.computeIfAbsent(t.jobId(), k -> new ArrayList<>()).add(t);
                }
            }
            Map<String, SortedMap<Integer, ResultRecord>> results = new LinkedHashMap<>();
            try (PreparedStatement ps = prepare(c, "SELECT " + prefixed("r.", RESULT_COLUMNS)
                    + " FROM results r JOIN jobs j ON j.id = r.job_id WHERE j.status IN " + UNFINISHED_JOB
                    + " AND r.task_index >= 0 ORDER BY r.job_id, r.task_index");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ResultRecord r = result(rs);
                    results.computeIfAbsent(r.jobId(), k -> new TreeMap<>()).put(r.taskIndex(), r);
                }
            }
            List<UnfinishedJob> unfinished = new ArrayList<>(jobs.size());
            for (JobRecord job : jobs.values()) {
                // a job that became unfinished between the queries has no entries: it is read with what is there
                unfinished.add(new UnfinishedJob(job, tasks.getOrDefault(job.id(), List.of()),
                        results.getOrDefault(job.id(), Collections.emptySortedMap())));
            }
            return unfinished;
        });
    }

    /**
     * The highest job id ever inserted that is a decimal number (of up to 18 digits), even if that job was deleted
     * since; ids that are not numbers are ignored. New ids should be greater.
     *
     * @return the id as a number, or 0 if no numeric id was ever stored
     */
    public long highestNumericJobId() {
        return call("read the highest numeric job id", c -> {
            try (PreparedStatement ps = prepare(c, "SELECT highest FROM job_id_high_water WHERE singleton = 1");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** A job id as a number, if it is a decimal number of at most 18 digits. */
    static OptionalLong numericId(String id) {
        if (id.isEmpty() || id.length() > MAX_NUMERIC_ID_DIGITS) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < id.length(); i++) {
            char ch = id.charAt(i);
            if (ch < '0' || ch > '9') {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(id));
    }

    /** The largest result or task input this store takes, in bytes. */
    public int maxResultBytes() {
        return maxResultBytes;
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T call(String doing, Work<T> work) {
        if (closed) {
            throw new StoreException("job store: could not " + doing + ": the store is closed");
        }
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreException(doing, e);
        } catch (IllegalStateException e) {
            // a pool closed under the store (H2's JdbcConnectionPool says so this way)
            throw new StoreException("job store: could not " + doing + ": " + e.getMessage(), e);
        }
        try (Connection c = connection) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(doing, e);
        }
    }

    private <T> T inTransaction(String doing, Work<T> work) {
        return call(doing, c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        });
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void requireSpec(JobRecord job) {
        if (job.specJson().isBlank()) {
            throw new IllegalArgumentException("specJson: job " + job.id() + " has no spec (SPEC_UNCHANGED is for"
                    + " updates only)");
        }
    }

    /** Inserts jobs (a duplicate id fails the transaction) and raises the id high-water mark to the highest numeric id. */
    private void insertJobs(Connection c, List<JobRecord> jobs) throws SQLException {
        if (jobs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = prepare(c, "INSERT INTO jobs (" + JOB_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            executeBatched(ps, jobs, (p, job) -> {
                p.setString(1, job.id());
                p.setString(2, job.specJson());
                p.setString(3, job.status().name());
                p.setInt(4, job.priority());
                p.setBoolean(5, job.keepResult());
                setTime(p, 6, job.createdAt());
                setTime(p, 7, job.startedAt());
                setTime(p, 8, job.finishedAt());
                p.setString(9, job.error());
            });
        }
        OptionalLong highest = jobs.stream().map(job -> numericId(job.id())).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).max();
        if (highest.isPresent()) {
            try (PreparedStatement ps = prepare(c, "UPDATE job_id_high_water SET highest = ? WHERE singleton = 1 AND highest < ?")) {
                ps.setLong(1, highest.getAsLong());
                ps.setLong(2, highest.getAsLong());
                ps.executeUpdate();
            }
        }
    }

    private void insertTasks(Connection c, List<TaskRecord> tasks) throws SQLException {
        if (tasks.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = prepare(c, "INSERT INTO tasks (" + TASK_COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            executeBatched(ps, tasks, (p, t) -> {
                p.setString(1, t.jobId());
                p.setInt(2, t.index());
                p.setString(3, t.status().name());
                p.setString(4, t.worker());
                p.setString(5, t.pinnedTo());
                p.setInt(6, t.attempts());
                setTime(p, 7, t.startedAt());
                setTime(p, 8, t.finishedAt());
                setInteger(p, 9, t.exitCode());
                p.setString(10, t.error());
                setBytes(p, 11, t.input());
                p.setString(12, t.inputType());
                p.setString(13, SetupColumn.write(t.setup()));
                p.setString(14, DiagnosticsColumn.write(t.diagnostics()));
            });
        }
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    /** Runs the statement once per item, sending {@link #BATCH_SIZE} at a time. */
    private static <T> void executeBatched(PreparedStatement ps, Collection<? extends T> items, Binder<T> binder)
            throws SQLException {
        int pending = 0;
        for (T item : items) {
            binder.bind(ps, item);
            ps.addBatch();
            if (++pending == BATCH_SIZE) {
                ps.executeBatch();
                pending = 0;
            }
        }
        if (pending > 0) {
            ps.executeBatch();
        }
    }

    /** Sets the eleven parameters of {@link #UPDATE_TASK}. */
    private static void setTaskUpdate(PreparedStatement ps, TaskRecord task) throws SQLException {
        ps.setString(1, task.status().name());
        ps.setString(2, task.worker());
        ps.setInt(3, task.attempts());
        setTime(ps, 4, task.startedAt());
        setTime(ps, 5, task.finishedAt());
        setInteger(ps, 6, task.exitCode());
        ps.setString(7, task.error());
        ps.setString(8, SetupColumn.write(task.setup()));
        ps.setString(9, DiagnosticsColumn.write(task.diagnostics()));
        ps.setString(10, task.jobId());
        ps.setInt(11, task.index());
    }

    private static void setJobUpdate(PreparedStatement ps, JobRecord job) throws SQLException {
        ps.setString(1, job.status().name());
        setTime(ps, 2, job.startedAt());
        setTime(ps, 3, job.finishedAt());
        ps.setString(4, job.error());
        ps.setString(5, job.id());
    }

    private void saveResults(Connection c, Collection<ResultRecord> results) throws SQLException {
        if (results.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = prepare(c, "DELETE FROM results WHERE job_id = ? AND task_index = ?")) {
            executeBatched(ps, results, (p, r) -> {
                p.setString(1, r.jobId());
                p.setInt(2, r.taskIndex());
            });
        }
        try (PreparedStatement ps = prepare(c, "INSERT INTO results (" + RESULT_COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            executeBatched(ps, results, (p, r) -> {
                p.setString(1, r.jobId());
                p.setInt(2, r.taskIndex());
                p.setBytes(3, r.bytes());
                p.setString(4, r.contentType());
                setTime(p, 5, r.storedAt());
            });
        }
    }

    /** Which of the ids are stored jobs, locked against deletion until the transaction ends. */
    private Set<String> storedJobs(Connection c, Set<String> ids) throws SQLException {
        Set<String> present = new HashSet<>();
        if (ids.isEmpty()) {
            return present;
        }
        try (PreparedStatement ps = prepare(c, "SELECT id FROM jobs WHERE id = ? FOR UPDATE")) {
            for (String id : ids) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        present.add(id);
                    }
                }
            }
        }
        return present;
    }

    private void requireSize(int length, String field, String what) {
        if (length > maxResultBytes) {
            throw new IllegalArgumentException(field + ": " + what + " has " + length
                    + " bytes, more than the job store's maximum of " + maxResultBytes);
        }
    }

    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            ps.setQueryTimeout(timeoutSeconds);
        } catch (SQLException e) {
            try {
                ps.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return ps;
    }

    private static String inList(Stream<? extends Enum<?>> values) {
        return values.map(v -> "'" + v.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }

    private static JobRecord job(ResultSet rs) throws SQLException {
        return new JobRecord(rs.getString(1), rs.getString(2), JobStatus.valueOf(rs.getString(3)), rs.getInt(4),
                rs.getBoolean(5), time(rs, 6), time(rs, 7), time(rs, 8), rs.getString(9));
    }

    private static TaskRecord task(ResultSet rs) throws SQLException {
        int exit = rs.getInt(9);
        Integer exitCode = rs.wasNull() ? null : exit;
        return new TaskRecord(rs.getString(1), rs.getInt(2), TaskStatus.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getInt(6), time(rs, 7), time(rs, 8), exitCode, rs.getString(10),
                rs.getBytes(11), rs.getString(12), SetupColumn.read(rs.getString(13)), DiagnosticsColumn.read(rs.getString(14)));
    }

    private static ResultRecord result(ResultSet rs) throws SQLException {
        byte[] bytes = rs.getBytes(3);
        // some databases (Oracle) read an empty binary value back as NULL
        return new ResultRecord(rs.getString(1), rs.getInt(2), bytes == null ? new byte[0] : bytes,
                rs.getString(4), time(rs, 5));
    }

    private static Instant time(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static void setTime(PreparedStatement ps, int index, Instant time) throws SQLException {
        if (time == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, time.toEpochMilli());
        }
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private void setBytes(PreparedStatement ps, int index, byte[] bytes) throws SQLException {
        if (bytes == null) {
            ps.setNull(index, dialect.binarySqlType);
        } else {
            ps.setBytes(index, bytes);
        }
    }

    /** The database flavour detected when the store was opened. */
    Dialect dialect() {
        return dialect;
    }

    @Override
    public String toString() {
        return "JobStore[" + dialect + ", query timeout " + timeoutSeconds + " s, max result " + maxResultBytes
                + " bytes]";
    }
}
