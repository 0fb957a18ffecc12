package io.colony.manager.internal.job;

import io.colony.api.job.JobInfo;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A journal that keeps finished jobs in memory, for the engine's tests (the stored one has its own). */
final class MemoryJournal implements JobJournal {

    record Finished(JobInfo info, List<TaskInfo> tasks, JobResult result) {
    }

    final Map<String, Finished> finished = new ConcurrentHashMap<>();
    final List<String> submitted = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** While set, a job's end is held as if its write were still on its way to the store. */
    volatile boolean holdEnds;
    final List<Runnable> held = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public java.util.concurrent.CompletableFuture<Void> submitted(JobRun job) {
        submitted.add(job.id);
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    @Override
    public void split(JobRun job) {
    }

    @Override
    public void taskChanged(TaskRun task) {
    }

    @Override
    public void jobChanged(JobRun job, Runnable then) {
        if (job.status.isFinal()) {
            finished.put(job.id, new Finished(job.info(), job.tasks.stream().map(TaskRun::info).toList(), job.outcome()));
        }
        if (holdEnds && job.status.isFinal()) {
            held.add(then);
        } else {
            then.run();
        }
    }

    @Override
    public List<JobRun> unfinished(JobRunFactory factory) {
        return List.of();
    }

    @Override
    public Optional<JobInfo> job(String id) {
        return Optional.ofNullable(finished.get(id)).map(Finished::info);
    }

    @Override
    public List<JobInfo> jobs(JobStatus status, int limit) {
        List<JobInfo> jobs = new ArrayList<>();
        finished.values().forEach(f -> {
            if (status == null || f.info().status() == status) {
                jobs.add(f.info());
            }
        });
        return jobs;
    }

    @Override
    public Optional<List<TaskInfo>> tasks(String jobId) {
        return Optional.ofNullable(finished.get(jobId)).map(Finished::tasks);
    }

    @Override
    public Optional<JobResult> result(String jobId) {
        return Optional.ofNullable(finished.get(jobId)).map(Finished::result);
    }

    @Override
    public boolean delete(String jobId) {
        return finished.remove(jobId) != null;
    }

    @Override
    public List<String> purge(Instant cutoff) {
        return List.of();
    }

    @Override
    public long highestJobId() {
        return 0;
    }

    @Override
    public void close() {
    }
}
