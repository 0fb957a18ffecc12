package io.colony.manager.internal.job;

import io.colony.api.job.JobInfo;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskStatus;
import io.colony.api.plugin.Payload;
import io.colony.manager.internal.placement.WorkerQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A job the manager is running; touched only on the manager's dispatcher thread. */
final class JobRun {

    /** Where a job is in its life. */
    enum Phase {
        /** Its workload is to be (or is being) cut into chunks. */
        SPLIT,
        /** Its tasks run. */
        RUN,
        /** Its chunk results are being combined. */
        REDUCE,
        /** It reached a final status. */
        DONE
    }

    final String id;
    final JobSpec spec;
    final Instant submittedAt;
    /** Which workers the job's tasks may run on (all, for targets "any" and worker lists). */
    final WorkerQuery query;
    final CompletableFuture<JobResult> completion = new CompletableFuture<>();
    final List<TaskRun> tasks = new ArrayList<>();

    JobStatus status = JobStatus.QUEUED;
    Phase phase;
    Instant startedAt;
    Instant finishedAt;
    String error;
    Payload result = Payload.empty();
    /** How many of its tasks are in a final state, and how many of those FAILED or LOST: kept by {@link #ended}. */
    int finalTasks;
    int failedTasks;
    /** Whether a split or reduce is running now. */
    boolean phaseBusy;
    int phaseAttempts;

    JobRun(String id, JobSpec spec, Instant submittedAt, WorkerQuery query) {
        this.id = id;
        this.spec = spec;
        this.submittedAt = submittedAt;
        this.query = query;
        this.phase = spec.isSplit() ? Phase.SPLIT : Phase.RUN;
    }

    JobInfo info() {
        Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
        for (TaskRun task : tasks) {
            counts.merge(task.status, 1, Integer::sum);
        }
        return new JobInfo(id, spec, status, submittedAt, startedAt, finishedAt, progress(), counts, error);
    }

    /** How far the job is, from 0 to 1: 1 once it succeeded, else the mean of its tasks' progress. */
    double progress() {
        if (status == JobStatus.SUCCEEDED) {
            return 1;
        }
        double sum = 0;
        for (TaskRun task : tasks) {
            sum += task.status == TaskStatus.SUCCEEDED ? 1 : task.progress;
        }
        return tasks.isEmpty() ? 0 : sum / tasks.size();
    }

    JobResult outcome() {
        return new JobResult(id, status, result, tasks.stream().map(TaskRun::result).toList(), error);
    }

    boolean allTasksFinal() {
        return finalTasks == tasks.size();
    }

    /** Counts a task that reached a final state (once). */
    void ended(TaskStatus status) {
        finalTasks++;
        if (status == TaskStatus.FAILED || status == TaskStatus.LOST) {
            failedTasks++;
        }
    }

    @Override
    public String toString() {
        return "job " + id;
    }
}
