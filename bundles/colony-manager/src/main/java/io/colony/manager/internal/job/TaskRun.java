package io.colony.manager.internal.job;

import io.colony.api.job.TaskInfo;
import io.colony.api.job.TaskSetup;
import io.colony.api.job.TaskResult;
import io.colony.api.job.TaskStatus;
import io.colony.api.plugin.Payload;
import io.colony.api.source.Diagnostic;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One task of a running job; touched only on the manager's dispatcher thread. */
final class TaskRun {

    final JobRun job;
    final int index;
    final Payload input;
    /** The worker a pool's task must run on, or null. */
    final String pinnedTo;

    TaskStatus status = TaskStatus.QUEUED;
    String worker;
    int attempts;
    Instant startedAt;
    Instant finishedAt;
    double progress;
    Integer exitCode;
    /** How the worker of the current or last attempt made a manifest's bundles live, or null. */
    TaskSetup setup;
    /** The compiler's messages when the source of the current or last attempt did not compile; never null. */
    List<Diagnostic> diagnostics = List.of();
    String error;
    Payload output = Payload.empty();
    /** The attempt in flight, or null. */
    Attempt current;
    /** Workers that refused this task: never sent it again. */
    final Set<String> refusedBy = new HashSet<>();

    TaskRun(JobRun job, int index, Payload input, String pinnedTo) {
        this.job = job;
        this.index = index;
        this.input = input;
        this.pinnedTo = pinnedTo;
    }

    TaskInfo info() {
        return new TaskInfo(job.id, index, status, worker, pinnedTo, attempts, startedAt, finishedAt, progress, exitCode,
                error, setup, diagnostics);
    }

    TaskResult result() {
        return new TaskResult(index, worker, status, output, exitCode, error);
    }

    @Override
    public String toString() {
        return "task " + index + " of job " + job.id;
    }
}
