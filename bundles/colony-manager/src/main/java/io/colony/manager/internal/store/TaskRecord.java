package io.colony.manager.internal.store;

import io.colony.api.job.TaskSetup;
import io.colony.api.job.TaskStatus;
import io.colony.api.source.Diagnostic;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One task of a job as stored: its place in the job, state, the worker that runs or last ran it, the worker it is
 * pinned to, how many times it was sent, times, exit code, error, and its input. The input array is not copied: treat
 * it as read-only. Equality compares the input's contents.
 *
 * @param index the task's place in the job, 0 or more
 * @param worker the worker that runs or last ran it; null until the task is first sent. At most
 *     {@value #MAX_NAME_LENGTH} characters
 * @param pinnedTo the worker the task must run on (a pool's task), or null for any. Written when the task is inserted
 *     and never changed by {@link JobStore#updateTask}. At most {@value #MAX_NAME_LENGTH} characters
 * @param attempts how many times the task was sent, 0 or more
 * @param startedAt when its current or last attempt was sent; null until then
 * @param finishedAt null until the task reached a final status
 * @param exitCode null unless the task reported one (command tasks)
 * @param error null unless the task failed, was killed or lost
 * @param input null for a task without input; never changed by {@link JobStore#updateTask}
 * @param inputType the input's content type, or null; at most {@value #MAX_NAME_LENGTH} characters
 * @param setup how its worker set up a manifest task's bundles (its last attempt's), or null
 * @param diagnostics the compiler's messages when its last attempt's source did not compile; never null, empty for
 *     none
 */
public record TaskRecord(String jobId, int index, TaskStatus status, String worker, String pinnedTo, int attempts,
        Instant startedAt, Instant finishedAt, Integer exitCode, String error, byte[] input, String inputType,
        TaskSetup setup, List<Diagnostic> diagnostics) {

    /** The longest worker id or content type the store takes. */
    public static final int MAX_NAME_LENGTH = 255;

    public TaskRecord {
        JobRecord.requireId(jobId, "jobId");
        Objects.requireNonNull(status, "status");
        if (index < 0) {
            throw new IllegalArgumentException("index: must be 0 or more, was " + index);
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts: must be 0 or more, was " + attempts);
        }
        JobRecord.requireShort(worker, "worker", MAX_NAME_LENGTH);
        JobRecord.requireShort(pinnedTo, "pinnedTo", MAX_NAME_LENGTH);
        JobRecord.requireShort(inputType, "inputType", MAX_NAME_LENGTH);
        diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
    }

    /**
     * A new task, QUEUED, never sent.
     *
     * @param pinnedTo the worker it must run on, or null for any
     * @param input its input, or null
     * @param inputType the input's content type, or null
     */
    public static TaskRecord queued(String jobId, int index, String pinnedTo, byte[] input, String inputType) {
        return new TaskRecord(jobId, index, TaskStatus.QUEUED, null, pinnedTo, 0, null, null, null, null, input,
                inputType, null, List.of());
    }

    /** This task sent to a worker: RUNNING since the given time, one more attempt. */
    public TaskRecord started(String onWorker, Instant at) {
        return new TaskRecord(jobId, index, TaskStatus.RUNNING, Objects.requireNonNull(onWorker, "onWorker"), pinnedTo,
                attempts + 1, Objects.requireNonNull(at, "at"), null, null, null, input, inputType, null, List.of());
    }

    /** This task back in the queue to be sent again (after a failure with retries left), keeping its attempts. */
    public TaskRecord requeued(String failure) {
        return new TaskRecord(jobId, index, TaskStatus.QUEUED, worker, pinnedTo, attempts, startedAt, null, null,
                failure, input, inputType, setup, diagnostics);
    }

    /**
     * This task finished with the given final status.
     *
     * @param code a command's exit code, or null
     * @param failure why it failed, was killed or lost, or null
     */
    public TaskRecord finished(TaskStatus finalStatus, Instant at, Integer code, String failure) {
        if (!finalStatus.isFinal()) {
            throw new IllegalArgumentException("status: " + finalStatus + " is not a final status");
        }
        return new TaskRecord(jobId, index, finalStatus, worker, pinnedTo, attempts, startedAt,
                Objects.requireNonNull(at, "at"), code, failure, input, inputType, setup, diagnostics);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TaskRecord t && jobId.equals(t.jobId) && index == t.index && status == t.status
                && Objects.equals(worker, t.worker) && Objects.equals(pinnedTo, t.pinnedTo) && attempts == t.attempts
                && Objects.equals(startedAt, t.startedAt) && Objects.equals(finishedAt, t.finishedAt)
                && Objects.equals(exitCode, t.exitCode) && Objects.equals(error, t.error)
                && Arrays.equals(input, t.input) && Objects.equals(inputType, t.inputType) && Objects.equals(setup, t.setup)
                && diagnostics.equals(t.diagnostics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobId, index, status, worker, pinnedTo, attempts, startedAt, finishedAt, exitCode, error,
                Arrays.hashCode(input), inputType, setup, diagnostics);
    }

    @Override
    public String toString() {
        return "TaskRecord[" + jobId + "#" + index + " " + status + ", worker=" + worker + ", pinnedTo=" + pinnedTo
                + ", attempts=" + attempts + ", startedAt=" + startedAt + ", finishedAt=" + finishedAt + ", exitCode="
                + exitCode + ", error=" + error + ", input=" + (input == null ? "null" : input.length + " bytes")
                + ", inputType=" + inputType + ", setup=" + setup + ", diagnostics=" + diagnostics + "]";
    }
}
