package io.colony.manager.internal.store;

import java.util.List;
import java.util.Objects;

/**
 * Changes written together by {@link JobStore#write(StoreBatch)}, in one transaction, in this order: tasks added to
 * jobs already stored (a split job's chunks), task updates, results, job updates.
 *
 * @param newTasks tasks to insert, with their pinning and input, each of a job already stored
 * @param taskUpdates tasks whose status, worker, attempts, times, exit code and error are written unconditionally
 *     (their pinning and input are not)
 * @param results results to store, replacing earlier ones for the same job and index; of two for the same job and
 *     index in one batch the later is kept
 * @param jobUpdates jobs whose status, times and error are written, in order (their spec is not, so a record built
 *     with {@link JobRecord#SPEC_UNCHANGED} will do)
 */
public record StoreBatch(List<TaskRecord> newTasks, List<TaskRecord> taskUpdates, List<ResultRecord> results,
        List<JobRecord> jobUpdates) {

    public StoreBatch {
        newTasks = List.copyOf(Objects.requireNonNull(newTasks, "newTasks"));
        taskUpdates = List.copyOf(Objects.requireNonNull(taskUpdates, "taskUpdates"));
        results = List.copyOf(Objects.requireNonNull(results, "results"));
        jobUpdates = List.copyOf(Objects.requireNonNull(jobUpdates, "jobUpdates"));
    }

    /** How many changes the batch holds. */
    public int size() {
        return newTasks.size() + taskUpdates.size() + results.size() + jobUpdates.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }
}
