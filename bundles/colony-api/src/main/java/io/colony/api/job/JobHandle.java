package io.colony.api.job;

import java.util.concurrent.CompletableFuture;

/**
 * A submitted job.
 *
 * @param id the job's id
 * @param result completes with the job's outcome when it ends (whatever its final state); cancelling
 *     this future does not kill the job, {@link JobService#kill} does
 * @param stored completes once the job is in the manager's job store, so that a manager that stops
 *     (or dies) from then on still knows it and resumes it; fails if the store could not take it. A job
 *     runs while it is being stored: the two futures may complete in any order.
 */
public record JobHandle(String id, CompletableFuture<JobResult> result, CompletableFuture<Void> stored) {

    /** A handle whose job is stored already. */
    public JobHandle(String id, CompletableFuture<JobResult> result) {
        this(id, result, CompletableFuture.completedFuture(null));
    }
}
