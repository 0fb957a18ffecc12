package io.colony.http.internal;

import io.colony.api.cluster.MemberState;
import io.colony.api.job.JobHandle;
import io.colony.api.job.JobInfo;
import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobService;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobStatus;
import io.colony.api.job.Targets;
import io.colony.api.job.TaskInfo;
import io.colony.api.job.TaskResult;
import io.colony.api.job.TaskSetup;
import io.colony.api.job.TaskStatus;
import io.colony.api.job.WorkerInfo;
import io.colony.api.job.Work;
import io.colony.api.node.HardwareStatus;
import io.colony.api.plugin.Payload;
import io.colony.api.source.Diagnostic;
import io.colony.api.worker.PluginDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A manager in memory, checking what the real one checks at submission (plugin offered by a worker,
 * named workers known, the trust policy for commands), with helpers to move jobs along.
 */
final class FakeJobService implements JobService {

    static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");

    private final Map<String, JobInfo> jobs = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, List<TaskInfo>> tasks = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, JobResult> results = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, CompletableFuture<JobResult>> completions = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicLong nextId = new AtomicLong(1_700_000_000_000L);

    final List<WorkerInfo> workers = new CopyOnWriteArrayList<>();
    final List<JobSpec> submitted = new CopyOnWriteArrayList<>();
    final List<String> kills = new CopyOnWriteArrayList<>();
    volatile boolean commandsAllowed = true;
    volatile boolean overloaded;
    /** When set, every call throws it: a manager failing in an unexpected way. */
    volatile RuntimeException failure;
    /** When set, every call waits (at most 10 s) for it to open: a manager that hangs. */
    volatile CountDownLatch gate;
    /** The stored future of the next submissions; already complete by default (a store that keeps up). */
    volatile CompletableFuture<Void> stored = CompletableFuture.completedFuture(null);

    @Override
    public JobHandle submit(JobSpec spec, String apiToken) throws JobRejectedException {
        failIfAsked();
        if (overloaded) {
            throw new JobRejectedException(JobRejectedException.Reason.OVERLOADED, "", "the manager is full: 10000 jobs queued");
        }
        if (spec.work() instanceof Work.PluginWork plugin && workers.stream().flatMap(w -> w.plugins().stream()).noneMatch(p -> p.name().equals(plugin.name()))) {
            throw JobRejectedException.invalid("plugin", "no worker offers plugin '" + plugin.name() + "'");
        }
        if (spec.work() instanceof Work.CommandWork && !commandsAllowed) {
            throw new JobRejectedException(JobRejectedException.Reason.FORBIDDEN, "command", "the trust policy does not allow commands");
        }
        List<String> pinned = new ArrayList<>();
        if (spec.targets() instanceof Targets.Workers named) {
            for (int i = 0; i < named.ids().size(); i++) {
                String id = named.ids().get(i);
                if (workers.stream().noneMatch(w -> w.id().equals(id))) {
                    throw JobRejectedException.invalid("targets.workers[" + i + "]", "no worker '" + id + "'");
                }
                pinned.add(id);
            }
        } else {
            pinned.add(null);
        }
        submitted.add(spec);
        String id = Long.toString(nextId.incrementAndGet());
        List<TaskInfo> queued = new ArrayList<>();
        for (int i = 0; i < pinned.size(); i++) {
            queued.add(new TaskInfo(id, i, TaskStatus.QUEUED, null, pinned.get(i), 0, null, null, 0, null, null));
        }
        put(new JobInfo(id, spec, JobStatus.QUEUED, T0, null, null, 0, Map.of(TaskStatus.QUEUED, queued.size()), null), queued);
        return new JobHandle(id, completions.get(id), stored);
    }

    /** Adds or replaces a job and its tasks (the job's task counts are the caller's). */
    void put(JobInfo job, List<TaskInfo> jobTasks) {
        jobs.put(job.id(), job);
        tasks.put(job.id(), List.copyOf(jobTasks));
        completions.computeIfAbsent(job.id(), id -> new CompletableFuture<>());
    }

    /** Makes the job running with these tasks. */
    void running(String id, List<TaskInfo> jobTasks) {
        JobInfo job = jobs.get(id);
        put(new JobInfo(id, job.spec(), JobStatus.RUNNING, job.submittedAt(), T0.plusSeconds(1), null, 0.5, counts(jobTasks), null), jobTasks);
    }

    /** Ends the job: final tasks, its result, the completion. */
    void finish(String id, JobStatus status, Payload result, List<TaskInfo> jobTasks, List<TaskResult> taskResults, String error) {
        JobInfo job = jobs.get(id);
        put(new JobInfo(id, job.spec(), status, job.submittedAt(), T0.plusSeconds(1), T0.plusSeconds(5), 1, counts(jobTasks), error), jobTasks);
        JobResult outcome = new JobResult(id, status, result, taskResults, error);
        results.put(id, outcome);
        completions.get(id).complete(outcome);
    }

    /**
     * A job's tasks with what workers report beyond the basics: a manifest task's setup, and a source task's
     * compiler diagnostics (a multi-line message among them).
     */
    static List<TaskInfo> reportingTasks(String jobId) {
        TaskSetup setup = new TaskSetup(List.of("io.colony.plugins:colony-plugin-stats:1.0.0", "org.apache.commons:commons-math3:3.6.1"),
                Duration.ofMillis(412), true);
        List<Diagnostic> diagnostics = List.of(
                new Diagnostic("ERROR", "demo/Squares.java", 7, 21, "cannot find symbol\n  symbol:   class Sqaure"),
                new Diagnostic("NOTE", "", 0, 0, "Some input files use unchecked or unsafe operations."));
        return List.of(
                new TaskInfo(jobId, 0, TaskStatus.SUCCEEDED, "w1", null, 1, T0.plusSeconds(1), T0.plusSeconds(2), 1, null, null, setup),
                new TaskInfo(jobId, 1, TaskStatus.FAILED, "w2", null, 1, T0.plusSeconds(1), T0.plusSeconds(2), 0, null,
                        "failed on w2: the source does not compile", null, diagnostics));
    }

    static Map<TaskStatus, Integer> counts(List<TaskInfo> jobTasks) {
        Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
        jobTasks.forEach(task -> counts.merge(task.status(), 1, Integer::sum));
        return counts;
    }

    @Override
    public Optional<JobInfo> job(String id) {
        failIfAsked();
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public List<JobInfo> jobs(JobStatus status, int limit) {
        failIfAsked();
        List<JobInfo> all;
        synchronized (jobs) {
            all = new ArrayList<>(jobs.values());
        }
        Collections.reverse(all);
        return all.stream().filter(job -> status == null || job.status() == status).limit(limit).toList();
    }

    @Override
    public Optional<List<TaskInfo>> tasks(String jobId) {
        failIfAsked();
        return Optional.ofNullable(tasks.get(jobId));
    }

    @Override
    public Optional<JobResult> result(String jobId) {
        failIfAsked();
        return Optional.ofNullable(results.get(jobId));
    }

    @Override
    public CompletableFuture<JobResult> completion(String jobId) {
        failIfAsked();
        CompletableFuture<JobResult> completion = completions.get(jobId);
        return completion != null ? completion : CompletableFuture.failedFuture(new NoSuchElementException("no job " + jobId));
    }

    @Override
    public Optional<JobInfo> kill(String jobId, String reason) {
        failIfAsked();
        JobInfo job = jobs.get(jobId);
        if (job == null) {
            return Optional.empty();
        }
        kills.add(jobId + " " + reason);
        if (!job.status().isFinal()) {
            List<TaskInfo> killed = tasks.get(jobId).stream().map(t -> new TaskInfo(jobId, t.index(), TaskStatus.KILLED, t.worker(),
                    t.pinnedTo(), t.attempts(), t.startedAt(), T0.plusSeconds(2), t.progress(), null, reason)).toList();
            finish(jobId, JobStatus.KILLED, Payload.empty(), killed, List.of(), reason);
        }
        return Optional.of(jobs.get(jobId));
    }

    @Override
    public Optional<JobInfo> kill(String jobId, List<String> onWorkers, String reason) {
        failIfAsked();
        JobInfo job = jobs.get(jobId);
        if (job != null) {
            kills.add(jobId + " " + onWorkers + " " + reason);
        }
        return Optional.ofNullable(job);
    }

    @Override
    public boolean delete(String jobId) {
        failIfAsked();
        JobInfo job = jobs.get(jobId);
        if (job == null || !job.status().isFinal()) {
            return false;
        }
        jobs.remove(jobId);
        tasks.remove(jobId);
        results.remove(jobId);
        return true;
    }

    @Override
    public List<WorkerInfo> workers() {
        failIfAsked();
        return List.copyOf(workers);
    }

    private void failIfAsked() {
        CountDownLatch closed = gate;
        if (closed != null) {
            try {
                closed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
    }

    static WorkerInfo worker(String id, String host, int port, MemberState state, PluginDescriptor... plugins) {
        return new WorkerInfo(id, host, port, false, state, T0, Optional.empty(), Map.of(), List.of(plugins), 4, 0);
    }

    static WorkerInfo workerWithHardware(String id) {
        HardwareStatus hardware = new HardwareStatus(4, 8, -1, 0.25, 16L << 30, 8L << 30, 500L << 30, 200L << 30, "Linux 6.1", "OpenJDK 17", T0);
        return new WorkerInfo(id, "10.0.0.7", 41871, true, MemberState.AVAILABLE, T0, Optional.of(hardware),
                Map.of("rack", "r1", "gpu", "a100"), List.of(plugin("primes", true)), 8, 2);
    }

    static PluginDescriptor plugin(String name, boolean splittable) {
        return new PluginDescriptor(name, "1.0.0", "The " + name + " plugin", "io.colony.plugin." + name + ";1.0.0", 42, splittable);
    }
}
