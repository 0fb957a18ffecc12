package io.colony.manager.internal.store;

import java.util.List;
import java.util.Objects;

/**
 * Changes written together by {@link JobStore#write(StoreBatch)}, in one transaction, in this order: new jobs, tasks
 * added to jobs (a new job's, a split job's chunks), task updates, results, job updates.
 *
 * @param newJobs jobs to insert, each with its spec (as {@link JobStore#insertJob} takes them, without their tasks)
 * @param newTasks tasks to insert, with their pinning and input, each of a job already stored or in {@code newJobs}
 * @param taskUpdates tasks whose status, worker, attempts, times, exit code and error are written unconditionally
 *     (their pinning and input are not)
 * @param results results to store, replacing earlier ones for the same job and index; of two for the same job and
 *     index in one batch the later is kept
 * @param jobUpdates jobs whose status, times and error are written, in order (their spec is not, so a record built
 *     with {@link JobRecord#SPEC_UNCHANGED} will do)
 */
public record StoreBatch(List<JobRecord> newJobs, List<TaskRecord> newTasks, List<TaskRecord> taskUpdates,
        List<ResultRecord> results, List<JobRecord> jobUpdates) {

    public StoreBatch {
        newJobs = List.copyOf(Objects.requireNonNull(newJobs, "newJobs"));
        newTasks = List.copyOf(Objects.requireNonNull(newTasks, "newTasks"));
        taskUpdates = List.copyOf(Objects.requireNonNull(taskUpdates, "taskUpdates"));
        results = List.copyOf(Objects.requireNonNull(results, "results"));
        jobUpdates = List.copyOf(Objects.requireNonNull(jobUpdates, "jobUpdates"));
    }

    /** A batch that adds no job. */
    public StoreBatch(List<TaskRecord> newTasks, List<TaskRecord> taskUpdates, List<ResultRecord> results,
            List<JobRecord> jobUpdates) {
        this(List.of(), newTasks, taskUpdates, results, jobUpdates);
    }

    /** How many changes the batch holds. */
    public int size() {
        return newJobs.size() + newTasks.size() + taskUpdates.size() + results.size() + jobUpdates.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }
}
