package io.colony.manager.internal.job;

import io.colony.api.job.JobInfo;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends each job's changes to the durable journal (the job store) or, for a job that is not durable, to the memory
 * one, and reads from both: a job id is in one of them only.
 */
final class JournalByDurability implements JobJournal {

    private final JobJournal durable;
    private final JobJournal memory;

    JournalByDurability(JobJournal durable, JobJournal memory) {
        this.durable = durable;
        this.memory = memory;
    }

    private JobJournal of(JobRun job) {
        return job.spec.durable() ? durable : memory;
    }

    @Override
    public CompletableFuture<Void> submitted(JobRun job) {
        return of(job).submitted(job);
    }

    @Override
    public void split(JobRun job) {
        of(job).split(job);
    }

    @Override
    public void taskChanged(TaskRun task) {
        of(task.job).taskChanged(task);
    }

    @Override
    public void jobChanged(JobRun job, Runnable then) {
        of(job).jobChanged(job, then);
    }

    /** Only durable jobs outlive the manager. */
    @Override
    public List<JobRun> unfinished(JobRunFactory factory) {
        return durable.unfinished(factory);
    }

    @Override
    public Optional<JobInfo> job(String id) {
        return memory.job(id).or(() -> durable.job(id));
    }

    @Override
    public List<JobInfo> jobs(JobStatus status, int limit) {
        List<JobInfo> both = new ArrayList<>(memory.jobs(status, limit));
        both.addAll(durable.jobs(status, limit));
        return both;
    }

    @Override
    public Optional<List<TaskInfo>> tasks(String jobId) {
        return memory.tasks(jobId).or(() -> durable.tasks(jobId));
    }

    @Override
    public Optional<JobResult> result(String jobId) {
        return memory.result(jobId).or(() -> durable.result(jobId));
    }

    @Override
    public boolean delete(String jobId) {
        return memory.delete(jobId) || durable.delete(jobId);
    }

    @Override
    public List<String> purge(Instant cutoff) {
        List<String> purged = new ArrayList<>(memory.purge(cutoff));
        purged.addAll(durable.purge(cutoff));
        return purged;
    }

    @Override
    public long highestJobId() {
        return durable.highestJobId();
    }

    @Override
    public void close() {
        memory.close();
        durable.close();
    }
}
