package io.colony.api.job;

import java.util.concurrent.CompletableFuture;

/**
 * A submitted job.
 *
 * @param id the job's id
 * @param result completes with the job's outcome when it ends (whatever its final state); cancelling
 *     this future does not kill the job, {@link JobService#kill} does
 */
public record JobHandle(String id, CompletableFuture<JobResult> result) {
}
