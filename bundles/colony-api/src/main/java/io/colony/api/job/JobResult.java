package io.colony.api.job;

import io.colony.api.plugin.Payload;
import java.util.List;
import java.util.Objects;

/**
 * A finished job's outcome.
 *
 * @param jobId the job's id
 * @param status its final state
 * @param result the reduced result of a split job, the only task's result of a single task job, or
 *     for a pool a JSON array with one object per task ({@code index}, {@code worker}, {@code status},
 *     {@code contentType}, {@code output} as text or base64, {@code exitCode}, {@code error});
 *     empty when the job did not succeed
 * @param tasks each task's outcome, by index
 * @param error why the job failed or was killed, or {@code null}
 */
public record JobResult(String jobId, JobStatus status, Payload result, List<TaskResult> tasks, String error) {

    public JobResult {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(result, "result");
        tasks = List.copyOf(tasks);
    }

    public boolean succeeded() {
        return status == JobStatus.SUCCEEDED;
    }
}
