package io.colony.manager.internal.store;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A QUEUED or RUNNING job found in the store, as {@link JobStore#unfinishedJobs()} returns it to resume after a
 * restart.
 *
 * @param tasks all its tasks, by index (finished ones too, so the job's shape is complete)
 * @param taskResults the task results already stored, by task index (the job's own result is not among them)
 */
public record UnfinishedJob(JobRecord job, List<TaskRecord> tasks, SortedMap<Integer, ResultRecord> taskResults) {

    public UnfinishedJob {
        tasks = List.copyOf(tasks);
        taskResults = Collections.unmodifiableSortedMap(new TreeMap<>(taskResults));
        for (Map.Entry<Integer, ResultRecord> e : taskResults.entrySet()) {
            if (e.getKey() != e.getValue().taskIndex() || !e.getValue().jobId().equals(job.id())) {
                throw new IllegalArgumentException("taskResults: entry " + e.getKey() + " holds "
                        + e.getValue().jobId() + "#" + e.getValue().taskIndex());
            }
        }
    }

    /** The tasks still to run (QUEUED or RUNNING), by index. */
    public List<TaskRecord> pendingTasks() {
        return tasks.stream().filter(t -> !t.status().isFinal()).toList();
    }
}
