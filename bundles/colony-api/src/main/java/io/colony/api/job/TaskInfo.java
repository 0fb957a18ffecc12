package io.colony.api.job;

import io.colony.api.source.Diagnostic;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One task of a job as the manager knows it now.
 *
 * @param jobId the job's id
 * @param index the task's place in the job (the chunk's index for a split job)
 * @param status its state
 * @param worker the worker that runs or last ran it, or {@code null} before it was sent
 * @param pinnedTo the worker the task must run on (a pool's task), or {@code null}
 * @param attempts how many times it was sent
 * @param startedAt when its current or last attempt was sent, or {@code null}
 * @param finishedAt when it reached a final state, or {@code null}
 * @param progress its progress from 0 to 1
 * @param exitCode a command's exit code, or {@code null}
 * @param error why it failed, was killed or lost, or {@code null}
 * @param setup how the worker of its current or last attempt installed a manifest job's bundles, or
 *     {@code null} (not a manifest job, or not reported yet)
 * @param diagnostics the compiler's messages when the source of its current or last attempt did not compile (a
 *     source job, topology 3); empty otherwise, never {@code null}
 */
public record TaskInfo(String jobId, int index, TaskStatus status, String worker, String pinnedTo, int attempts,
        Instant startedAt, Instant finishedAt, double progress, Integer exitCode, String error, TaskSetup setup,
        List<Diagnostic> diagnostics) {

    public TaskInfo {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(status, "status");
        diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
    }

    /** A task without compiler diagnostics. */
    public TaskInfo(String jobId, int index, TaskStatus status, String worker, String pinnedTo, int attempts,
            Instant startedAt, Instant finishedAt, double progress, Integer exitCode, String error, TaskSetup setup) {
        this(jobId, index, status, worker, pinnedTo, attempts, startedAt, finishedAt, progress, exitCode, error, setup, List.of());
    }

    /** A task without a manifest setup or compiler diagnostics. */
    public TaskInfo(String jobId, int index, TaskStatus status, String worker, String pinnedTo, int attempts,
            Instant startedAt, Instant finishedAt, double progress, Integer exitCode, String error) {
        this(jobId, index, status, worker, pinnedTo, attempts, startedAt, finishedAt, progress, exitCode, error, null, List.of());
    }
}
