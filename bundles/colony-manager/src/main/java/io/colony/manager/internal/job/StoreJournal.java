package io.colony.manager.internal.job;

import io.colony.api.job.JobInfo;
import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobSpecCodec;
import io.colony.api.job.JobStatus;
import io.colony.api.job.ResultAction;
import io.colony.api.job.TaskInfo;
import io.colony.api.job.TaskResult;
import io.colony.api.job.TaskStatus;
import io.colony.api.plugin.Payload;
import io.colony.manager.internal.store.JobRecord;
import io.colony.manager.internal.store.JobStore;
import io.colony.manager.internal.store.ResultRecord;
import io.colony.manager.internal.store.StoreBatch;
import io.colony.manager.internal.store.TaskRecord;
import io.colony.manager.internal.store.UnfinishedJob;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.osgi.service.log.Logger;

/**
 * The journal in the job store. A new job is written at once, on the caller's thread; task changes, results and job
 * changes are queued and written by one writer thread in batches (one transaction each: whatever queued while the
 * last one committed), a task's successive changes coalesced into its last, so that thousands of tasks a second cost
 * few commits. A job's end runs its {@code then}
 * only once that end is committed.
 */
final class StoreJournal implements JobJournal {

    /** Queued writes beyond which the dispatcher waits for the writer: memory stays bounded. */
    static final int MAX_PENDING = 50_000;

    private final JobStore store;
    private final JobSpecCodec codec;
    private final Logger log;
    private final Object lock = new Object();
    private final Map<String, TaskRecord> newTasks = new LinkedHashMap<>();
    private final Map<String, TaskRecord> taskUpdates = new LinkedHashMap<>();
    private final List<ResultRecord> results = new ArrayList<>();
    private final List<JobRecord> jobUpdates = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final Thread writer;
    private boolean closing;

    StoreJournal(JobStore store, JobSpecCodec codec, Logger log) {
        this.store = store;
        this.codec = codec;
        this.log = log;
        this.writer = new Thread(this::writeLoop, "colony-job-store-writer");
        writer.setDaemon(true);
        writer.start();
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void submitted(JobRun job) {
        JobRecord record = JobRecord.queued(job.id, new String(codec.write(job.spec), StandardCharsets.UTF_8),
                job.spec.priority(), job.spec.result() instanceof ResultAction.Keep, job.submittedAt);
        store.insertJob(record, job.tasks.stream().map(StoreJournal::queued).toList());
    }

    @Override
    public void split(JobRun job) {
        enqueue(() -> job.tasks.forEach(task -> newTasks.put(key(task), queued(task))));
    }

    @Override
    public void taskChanged(TaskRun task) {
        ResultRecord output = task.status == TaskStatus.SUCCEEDED && task.output.size() > 0
                ? new ResultRecord(task.job.id, task.index, task.output.bytes(), task.output.contentType(), Instant.now())
                : null;
        enqueue(() -> {
            String key = key(task);
            if (newTasks.containsKey(key)) {
                newTasks.put(key, record(task, true));
            } else {
                taskUpdates.put(key, record(task, false));
            }
            if (output != null) {
                results.add(output);
            }
        });
    }

    @Override
    public void jobChanged(JobRun job, Runnable then) {
        JobRecord record = new JobRecord(job.id, JobRecord.SPEC_UNCHANGED, job.status, job.spec.priority(),
                job.spec.result() instanceof ResultAction.Keep, job.submittedAt, job.startedAt, job.finishedAt, job.error);
        ResultRecord result = job.status == JobStatus.SUCCEEDED
                ? new ResultRecord(job.id, ResultRecord.JOB_RESULT, job.result.bytes(), job.result.contentType(), Instant.now())
                : null;
        enqueue(() -> {
            jobUpdates.add(record);
            if (result != null) {
                results.add(result);
            }
            afterCommit.add(then);
        });
    }

    private void enqueue(Runnable change) {
        synchronized (lock) {
            while (pending() >= MAX_PENDING && !closing) {
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            change.run();
            lock.notifyAll();
        }
    }

    private int pending() {
        return newTasks.size() + taskUpdates.size() + results.size() + jobUpdates.size();
    }

    private void writeLoop() {
        while (true) {
            StoreBatch batch;
            List<Runnable> then;
            synchronized (lock) {
                while (pending() == 0 && afterCommit.isEmpty() && !closing) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (pending() == 0 && afterCommit.isEmpty() && closing) {
                    return;
                }
                batch = new StoreBatch(List.copyOf(newTasks.values()), List.copyOf(taskUpdates.values()),
                        List.copyOf(results), List.copyOf(jobUpdates));
                then = List.copyOf(afterCommit);
                newTasks.clear();
                taskUpdates.clear();
                results.clear();
                jobUpdates.clear();
                afterCommit.clear();
                lock.notifyAll();
            }
            try {
                store.write(batch);
            } catch (RuntimeException e) {
                log.error("Could not write {} job changes to the store (they are lost until the jobs run again): {}",
                        batch.size(), e.getMessage(), e);
            }
            then.forEach(Runnable::run);
        }
    }

    // ---------------------------------------------------------------- restart

    @Override
    public List<JobRun> unfinished(JobRunFactory factory) {
        int requeued = store.requeueInterruptedTasks();
        if (requeued > 0) {
            log.info("{} tasks were running when the manager stopped; they run again", requeued);
        }
        List<JobRun> jobs = new ArrayList<>();
        for (UnfinishedJob stored : store.unfinishedJobs()) {
            JobRecord record = stored.job();
            JobSpec spec;
            try {
                spec = codec.read(record.specJson().getBytes(StandardCharsets.UTF_8));
            } catch (JobRejectedException e) {
                log.error("Job {} in the store has a spec this manager cannot read ({}: {}); it is marked FAILED",
                        record.id(), e.field(), e.getMessage());
                store.updateJob(record.finished(JobStatus.FAILED, Instant.now(), "unreadable spec: " + e.getMessage()));
                continue;
            }
            JobRun job = factory.rebuild(record.id(), spec, record.createdAt());
            job.status = record.status();
            job.startedAt = record.startedAt();
            for (TaskRecord task : stored.tasks()) {
                TaskRun rebuilt = rebuild(job, task, stored.taskResults());
                job.tasks.add(rebuilt);
                if (rebuilt.status.isFinal()) {
                    job.ended(rebuilt.status);
                }
            }
            if (!job.tasks.isEmpty()) {
                job.phase = JobRun.Phase.RUN;
            }
            jobs.add(job);
        }
        return jobs;
    }

    private static TaskRun rebuild(JobRun job, TaskRecord record, SortedMap<Integer, ResultRecord> results) {
        TaskRun task = new TaskRun(job, record.index(), payload(record.input(), record.inputType()), record.pinnedTo());
        task.status = record.status();
        task.worker = record.worker();
        task.attempts = record.attempts();
        task.startedAt = record.startedAt();
        task.finishedAt = record.finishedAt();
        task.exitCode = record.exitCode();
        task.error = record.error();
        ResultRecord output = results.get(record.index());
        if (output != null) {
            task.output = payload(output.bytes(), output.contentType());
        }
        if (task.status == TaskStatus.SUCCEEDED) {
            task.progress = 1;
        }
        return task;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<JobInfo> job(String id) {
        return store.findJob(id).flatMap(record -> info(record, store.taskCounts(id)));
    }

    @Override
    public List<JobInfo> jobs(JobStatus status, int limit) {
        List<JobInfo> jobs = new ArrayList<>();
        for (JobRecord record : store.listJobs(status, limit, 0)) {
            info(record, store.taskCounts(record.id())).ifPresent(jobs::add);
        }
        return jobs;
    }

    @Override
    public Optional<List<TaskInfo>> tasks(String jobId) {
        if (store.findJob(jobId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(store.tasksOf(jobId).stream().map(task -> new TaskInfo(jobId, task.index(), task.status(),
                task.worker(), task.pinnedTo(), task.attempts(), task.startedAt(), task.finishedAt(),
                task.status() == TaskStatus.SUCCEEDED ? 1 : 0, task.exitCode(), task.error())).toList());
    }

    @Override
    public Optional<JobResult> result(String jobId) {
        Optional<JobRecord> found = store.findJob(jobId);
        if (found.isEmpty() || !found.get().status().isFinal()) {
            return Optional.empty();
        }
        JobRecord job = found.get();
        Payload result = store.jobResultOf(jobId).map(r -> payload(r.bytes(), r.contentType())).orElse(Payload.empty());
        SortedMap<Integer, ResultRecord> outputs = store.taskResultsOf(jobId);
        List<TaskResult> tasks = store.tasksOf(jobId).stream().map(task -> new TaskResult(task.index(), task.worker(),
                task.status(), Optional.ofNullable(outputs.get(task.index())).map(r -> payload(r.bytes(), r.contentType()))
                        .orElse(Payload.empty()), task.exitCode(), task.error())).toList();
        return Optional.of(new JobResult(jobId, job.status(), result, tasks, job.error()));
    }

    @Override
    public boolean delete(String jobId) {
        return store.deleteJob(jobId);
    }

    @Override
    public List<String> purge(Instant cutoff) {
        return store.purgeFinishedBefore(cutoff);
    }

    @Override
    public long highestJobId() {
        return store.highestNumericJobId();
    }

    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            log.warn("The job store writer did not finish within 10 s; its last changes may be lost");
            writer.interrupt();
        }
        store.close();
    }

    // ---------------------------------------------------------------- helpers

    private Optional<JobInfo> info(JobRecord record, Map<TaskStatus, Integer> counts) {
        JobSpec spec;
        try {
            spec = codec.read(record.specJson().getBytes(StandardCharsets.UTF_8));
        } catch (JobRejectedException e) {
            log.warn("Job {} in the store has an unreadable spec: {}", record.id(), e.getMessage());
            return Optional.empty();
        }
        Map<TaskStatus, Integer> tasks = new EnumMap<>(TaskStatus.class);
        tasks.putAll(counts);
        int total = tasks.values().stream().mapToInt(Integer::intValue).sum();
        double progress = record.status() == JobStatus.SUCCEEDED ? 1
                : total == 0 ? 0 : tasks.getOrDefault(TaskStatus.SUCCEEDED, 0) / (double) total;
        return Optional.of(new JobInfo(record.id(), spec, record.status(), record.createdAt(), record.startedAt(),
                record.finishedAt(), progress, tasks, record.error()));
    }

    private static TaskRecord queued(TaskRun task) {
        return TaskRecord.queued(task.job.id, task.index, task.pinnedTo, task.input.bytes(), task.input.contentType());
    }

    /** The task as stored; an update leaves the stored input alone, so it need not carry it. */
    private static TaskRecord record(TaskRun task, boolean withInput) {
        return new TaskRecord(task.job.id, task.index, task.status, task.worker, task.pinnedTo, task.attempts,
                task.startedAt, task.finishedAt, task.exitCode, task.error, withInput ? task.input.bytes() : null,
                withInput ? task.input.contentType() : null);
    }

    private static String key(TaskRun task) {
        return task.job.id + '/' + task.index;
    }

    private static Payload payload(byte[] bytes, String contentType) {
        try {
            return Payload.of(bytes == null ? new byte[0] : bytes, contentType == null ? Payload.BINARY : contentType);
        } catch (IllegalArgumentException malformedType) {
            return Payload.of(bytes == null ? new byte[0] : bytes, Payload.BINARY);
        }
    }
}
