package io.colony.manager.internal.job;

import io.colony.api.job.JobInfo;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The journal of jobs that are not durable ({@code "durable": false}): nothing is written anywhere. A job's end is
 * kept in memory, so that its status, tasks and result can be read after it left the manager's active jobs, for the
 * retention period and among the most recent {@code max} ended ones; the oldest beyond are forgotten. A restart of the
 * manager forgets them all.
 */
final class MemoryJobs implements JobJournal {

    private record Ended(JobInfo info, List<TaskInfo> tasks, JobResult result) {
    }

    private static final CompletableFuture<Void> NOTHING_TO_STORE = CompletableFuture.completedFuture(null);

    private final int max;
    /** In the order the jobs ended, oldest first. */
    private final Map<String, Ended> ended = new LinkedHashMap<>();

    /** @param max how many ended jobs are kept at most; 0 keeps none (their result is only in their future) */
    MemoryJobs(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max: must be 0 or more, was " + max);
        }
        this.max = max;
    }

    @Override
    public CompletableFuture<Void> submitted(JobRun job) {
        return NOTHING_TO_STORE;
    }

    @Override
    public void split(JobRun job) {
        // nothing is written
    }

    @Override
    public void taskChanged(TaskRun task) {
        // nothing is written
    }

    /** Called on the manager's dispatcher, which owns the job: its end is read there. */
    @Override
    public void jobChanged(JobRun job, Runnable then) {
        if (job.status.isFinal() && max > 0) {
            Ended snapshot = new Ended(job.info(), job.tasks.stream().map(TaskRun::info).toList(), job.outcome());
            synchronized (ended) {
                ended.remove(job.id);
                ended.put(job.id, snapshot);
                Iterator<String> oldest = ended.keySet().iterator();
                while (ended.size() > max) {
                    oldest.next();
                    oldest.remove();
                }
            }
        }
        then.run();
    }

    @Override
    public List<JobRun> unfinished(JobRunFactory factory) {
        return List.of();
    }

    @Override
    public Optional<JobInfo> job(String id) {
        return find(id).map(Ended::info);
    }

    @Override
    public List<JobInfo> jobs(JobStatus status, int limit) {
        List<JobInfo> newestFirst = new ArrayList<>();
        synchronized (ended) {
            List<Ended> all = new ArrayList<>(ended.values());
            for (int i = all.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
                JobInfo info = all.get(i).info();
                if (status == null || info.status() == status) {
                    newestFirst.add(info);
                }
            }
        }
        return newestFirst;
    }

    @Override
    public Optional<List<TaskInfo>> tasks(String jobId) {
        return find(jobId).map(Ended::tasks);
    }

    @Override
    public Optional<JobResult> result(String jobId) {
        return find(jobId).map(Ended::result);
    }

    @Override
    public boolean delete(String jobId) {
        synchronized (ended) {
            return ended.remove(jobId) != null;
        }
    }

    /** Forgets the jobs that ended before the cutoff. */
    @Override
    public List<String> purge(Instant cutoff) {
        List<String> purged = new ArrayList<>();
        synchronized (ended) {
            for (Iterator<Map.Entry<String, Ended>> it = ended.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Ended> entry = it.next();
                Instant finishedAt = entry.getValue().info().finishedAt();
                if (finishedAt != null && finishedAt.isBefore(cutoff)) {
                    purged.add(entry.getKey());
                    it.remove();
                }
            }
        }
        return purged;
    }

    @Override
    public long highestJobId() {
        return 0;
    }

    @Override
    public void close() {
        synchronized (ended) {
            ended.clear();
        }
    }

    private Optional<Ended> find(String id) {
        synchronized (ended) {
            return Optional.ofNullable(ended.get(id));
        }
    }
}
