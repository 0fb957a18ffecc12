package io.colony.manager.internal.job;

import io.colony.api.job.JobInfo;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the manager keeps of its jobs across restarts. Every change may be written a moment after it is made: a new
 * job says when it is stored; a task change not yet written when the manager dies runs that task again after a
 * restart; a job's end runs its {@code then} once it is written.
 */
interface JobJournal extends AutoCloseable {

    /**
     * Writes a new job and its tasks (none yet for a job still to be split).
     *
     * @return completes once they are stored, or fails with the reason they could not be
     */
    java.util.concurrent.CompletableFuture<Void> submitted(JobRun job);

    /** Writes the tasks a split produced. */
    void split(JobRun job);

    /** Records a task's state (and, once it succeeded, its output). */
    void taskChanged(TaskRun task);

    /** Records a job's state: started, or finished with its result; runs {@code then} once it is written. */
    void jobChanged(JobRun job, Runnable then);

    /** The jobs that had not finished when the manager stopped, with their tasks as last written. */
    List<JobRun> unfinished(JobRunFactory factory);

    /** A job that is no longer running. */
    Optional<JobInfo> job(String id);

    List<JobInfo> jobs(JobStatus status, int limit);

    Optional<List<TaskInfo>> tasks(String jobId);

    Optional<JobResult> result(String jobId);

    /** Forgets a finished job; false when there is none. */
    boolean delete(String jobId);

    /** Forgets jobs that finished before the cutoff, except those whose result is to be kept. */
    List<String> purge(Instant cutoff);

    /** The highest job id ever written, as a number; 0 for none. */
    long highestJobId();

    /** Writes what is still pending, then closes. */
    @Override
    void close();

    /** Rebuilds the in-memory form of a stored job. */
    interface JobRunFactory {
        JobRun rebuild(String id, io.colony.api.job.JobSpec spec, Instant submittedAt);
    }
}
