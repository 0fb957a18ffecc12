package io.colony.api.job;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A job as the manager knows it now.
 *
 * @param id the job's id: a decimal number, increasing with submission time
 * @param spec what was asked
 * @param status its state
 * @param submittedAt when the manager accepted it
 * @param startedAt when its first task was sent, or {@code null}
 * @param finishedAt when it reached a final state, or {@code null}
 * @param progress its progress from 0 to 1, averaged over its tasks
 * @param tasks how many of its tasks are in each state (states with none are left out)
 * @param error why it failed or was killed, or {@code null}
 */
public record JobInfo(String id, JobSpec spec, JobStatus status, Instant submittedAt, Instant startedAt,
        Instant finishedAt, double progress, Map<TaskStatus, Integer> tasks, String error) {

    public JobInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(submittedAt, "submittedAt");
        tasks = Map.copyOf(tasks);
    }

    /** How many tasks the job has. */
    public int taskCount() {
        return tasks.values().stream().mapToInt(Integer::intValue).sum();
    }
}
