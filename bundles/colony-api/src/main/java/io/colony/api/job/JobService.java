package io.colony.api.job;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The manager's Java API, registered on nodes with the manager role: submit jobs, follow them, kill
 * them, and see the workers they run on. Thread-safe; no method blocks on the cluster.
 */
@ProviderType
public interface JobService {

    /**
     * Accepts a job: checks it (plugin known to some worker, workers known, query valid, trust policy)
     * and queues its tasks at once. The job is written to the job store meanwhile: the handle's
     * {@link JobHandle#stored()} says when it is there (the REST API answers a submission only then).
     *
     * <p>This is a submission without an API token, as from the node's own shell or an application embedding the
     * manager: {@code submit(spec, "")}.
     *
     * @throws JobRejectedException saying which field is wrong, or that the trust policy forbids it
     */
    default JobHandle submit(JobSpec spec) throws JobRejectedException {
        return submit(spec, "");
    }

    /**
     * Accepts a job submitted with an API token, which the trust policy may ask about (which tokens may submit
     * source jobs, {@link io.colony.api.trust.Request.RunSource}); otherwise as {@link #submit(JobSpec)}.
     *
     * @param apiToken the token the client authenticated with; empty or {@code null} when none
     */
    JobHandle submit(JobSpec spec, String apiToken) throws JobRejectedException;

    /** A job, while it is known: running, or finished within the retention period (or kept). */
    Optional<JobInfo> job(String id);

    /**
     * Jobs, newest first.
     *
     * @param status only jobs in this state, or {@code null} for all
     * @param limit at most this many (1 to 1000)
     */
    List<JobInfo> jobs(JobStatus status, int limit);

    /** A job's tasks by index; empty for an unknown job. */
    Optional<List<TaskInfo>> tasks(String jobId);

    /** A finished job's outcome; empty while it runs or for an unknown job. */
    Optional<JobResult> result(String jobId);

    /** Completes when the job ends; fails with {@link java.util.NoSuchElementException} for an unknown job. */
    CompletableFuture<JobResult> completion(String jobId);

    /**
     * Kills a job: its queued tasks are dropped, its running tasks cancelled on their workers, and it
     * ends KILLED. Killing a finished job changes nothing.
     *
     * @return the job as it is after the kill, or empty for an unknown job
     */
    Optional<JobInfo> kill(String jobId, String reason);

    /**
     * Kills only the tasks of a job that are pinned to the given workers (a pool's members); the job
     * ends when its other tasks do.
     *
     * @return the job as it is after the kill, or empty for an unknown job
     */
    Optional<JobInfo> kill(String jobId, List<String> workers, String reason);

    /** Forgets a finished job and its result; false for a running or unknown job. */
    boolean delete(String jobId);

    /** The workers this manager knows of (its own first when it is one), by id. */
    List<WorkerInfo> workers();
}
