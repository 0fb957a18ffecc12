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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.service.log.Logger;

/**
 * The journal in the job store, written behind: every change is queued and one writer thread writes what queued while
 * it committed the last batch, in one transaction (a group commit), so that thousands of jobs and tasks a second cost
 * few commits. Successive changes of one task, or of one job, are coalesced into the last; a job that ends before its
 * insert is written is inserted as it ended. A job's {@code then} and its stored future run once the write is
 * committed. Specs are turned into JSON on the writer thread, not the caller's.
 */
final class StoreJournal implements JobJournal {

    /** Queued writes beyond which the dispatcher waits for the writer: memory stays bounded. */
    static final int MAX_PENDING = 50_000;
    /**
     * How long the writer lets changes gather after the first one before it writes them: a trickle of jobs then costs a
     * commit per millisecond, not one or two per job, and leaves the CPU to the jobs themselves. Nothing on a job's way
     * waits for its write, except a REST submission's answer.
     */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final JobStore store;
    private final JobSpecCodec codec;
    private final Logger log;
    private final Object lock = new Object();
    private final Map<String, NewJob> newJobs = new LinkedHashMap<>();
    private final Map<String, TaskRecord> newTasks = new LinkedHashMap<>();
    private final Map<String, TaskRecord> taskUpdates = new LinkedHashMap<>();
    private final List<ResultRecord> results = new ArrayList<>();
    private final Map<String, JobRecord> jobUpdates = new LinkedHashMap<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<CompletableFuture<Void>> storedOnCommit = new ArrayList<>();
    private final Thread writer;
    private boolean closing;
    private boolean writerWaiting;
    private int producersWaiting;

    /** A job not written yet: its spec, and its state as last changed (spec left out until it is written). */
    private static final class NewJob {
        final JobSpec spec;
        JobRecord state;

        NewJob(JobSpec spec, JobRecord state) {
            this.spec = spec;
            this.state = state;
        }
    }

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
    public CompletableFuture<Void> submitted(JobRun job) {
        JobRecord state = record(job);
        List<TaskRecord> tasks = job.tasks.stream().map(StoreJournal::queued).toList();
        CompletableFuture<Void> stored = new CompletableFuture<>();
        enqueue(() -> {
            newJobs.put(job.id, new NewJob(job.spec, state));
            tasks.forEach(task -> newTasks.put(key(task.jobId(), task.index()), task));
            storedOnCommit.add(stored);
        });
        return stored;
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
        JobRecord state = record(job);
        ResultRecord result = job.status == JobStatus.SUCCEEDED && job.result.size() > 0
                ? new ResultRecord(job.id, ResultRecord.JOB_RESULT, job.result.bytes(), job.result.contentType(), Instant.now())
                : null;
        enqueue(() -> {
            NewJob unwritten = newJobs.get(job.id);
            if (unwritten != null) {
                unwritten.state = state;
            } else {
                jobUpdates.put(job.id, state);
            }
            if (result != null) {
                results.add(result);
            }
            afterCommit.add(then);
        });
    }

    private void enqueue(Runnable change) {
        synchronized (lock) {
            while (pending() >= MAX_PENDING && !closing) {
                producersWaiting++;
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } finally {
                    producersWaiting--;
                }
            }
            change.run();
            if (writerWaiting) {
                lock.notifyAll();
            }
        }
    }

    private int pending() {
        return newJobs.size() + newTasks.size() + taskUpdates.size() + results.size() + jobUpdates.size();
    }

    private boolean idle() {
        return pending() == 0 && afterCommit.isEmpty() && storedOnCommit.isEmpty();
    }

    private void writeLoop() {
        while (true) {
            List<NewJob> jobs;
            StoreBatch changes;
            List<Runnable> then;
            List<CompletableFuture<Void>> stored;
            synchronized (lock) {
                while (idle() && !closing) {
                    writerWaiting = true;
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    } finally {
                        writerWaiting = false;
                    }
                }
                if (idle() && closing) {
                    return;
                }
                long lingerEnd = System.nanoTime() + LINGER_NANOS;
                for (long left = LINGER_NANOS; left > 0 && !closing && pending() < MAX_PENDING / 2; left = lingerEnd - System.nanoTime()) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(lock, left);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                jobs = List.copyOf(newJobs.values());
                changes = new StoreBatch(List.copyOf(newTasks.values()), List.copyOf(taskUpdates.values()),
                        List.copyOf(results), List.copyOf(jobUpdates.values()));
                then = List.copyOf(afterCommit);
                stored = List.copyOf(storedOnCommit);
                newJobs.clear();
                newTasks.clear();
                taskUpdates.clear();
                results.clear();
                jobUpdates.clear();
                afterCommit.clear();
                storedOnCommit.clear();
                if (producersWaiting > 0) {
                    lock.notifyAll();
                }
            }
            RuntimeException failure = null;
            StoreBatch batch = changes;
            try {
                batch = new StoreBatch(jobs.stream().map(this::withSpec).toList(), changes.newTasks(), changes.taskUpdates(),
                        changes.results(), changes.jobUpdates());
                store.write(batch);
            } catch (RuntimeException e) {
                failure = e;
                log.error("Could not write {} job changes to the store (they are lost until the jobs run again): {}",
                        batch.size(), e.getMessage(), e);
            }
            for (CompletableFuture<Void> future : stored) {
                if (failure == null) {
                    future.complete(null);
                } else {
                    future.completeExceptionally(failure);
                }
            }
            then.forEach(Runnable::run);
        }
    }

    private JobRecord withSpec(NewJob job) {
        JobRecord state = job.state;
        return new JobRecord(state.id(), new String(codec.write(job.spec), StandardCharsets.UTF_8), state.status(),
                state.priority(), state.keepResult(), state.createdAt(), state.startedAt(), state.finishedAt(), state.error());
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
        task.setup = record.setup();
        task.diagnostics = record.diagnostics();
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
                task.status() == TaskStatus.SUCCEEDED ? 1 : 0, task.exitCode(), task.error(), task.setup(), task.diagnostics()))
                .toList());
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

    /** The job's state as an update writes it (its spec left out). */
    private static JobRecord record(JobRun job) {
        return new JobRecord(job.id, JobRecord.SPEC_UNCHANGED, job.status, job.spec.priority(),
                job.spec.result() instanceof ResultAction.Keep, job.submittedAt, job.startedAt, job.finishedAt, job.error);
    }

    private static TaskRecord queued(TaskRun task) {
        return TaskRecord.queued(task.job.id, task.index, task.pinnedTo, task.input.bytes(), task.input.contentType());
    }

    /** The task as stored; an update leaves the stored input alone, so it need not carry it. */
    private static TaskRecord record(TaskRun task, boolean withInput) {
        return new TaskRecord(task.job.id, task.index, task.status, task.worker, task.pinnedTo, task.attempts,
                task.startedAt, task.finishedAt, task.exitCode, task.error, withInput ? task.input.bytes() : null,
                withInput ? task.input.contentType() : null, task.setup, task.diagnostics);
    }

    private static String key(TaskRun task) {
        return key(task.job.id, task.index);
    }

    private static String key(String jobId, int index) {
        return jobId + '/' + index;
    }

    private static Payload payload(byte[] bytes, String contentType) {
        try {
            return Payload.of(bytes == null ? new byte[0] : bytes, contentType == null ? Payload.BINARY : contentType);
        } catch (IllegalArgumentException malformedType) {
            return Payload.of(bytes == null ? new byte[0] : bytes, Payload.BINARY);
        }
    }
}
