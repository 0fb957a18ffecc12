package io.colony.shell.internal.command;

import io.colony.api.job.JobHandle;
import io.colony.api.job.JobInfo;
import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobService;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobSpecCodec;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskInfo;
import io.colony.api.job.TaskResult;
import io.colony.api.job.TaskStatus;
import io.colony.api.job.WorkerInfo;
import io.colony.api.plugin.Payload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A manager for the job commands' tests: a spec codec that reads any JSON object as a primes job, and
 * a job service whose jobs, progress, results and refusals the test decides. A submitted job reports
 * the progress steps it was given, one per look, and then ends with the result it was given.
 */
final class FakeJobs implements JobService, JobSpecCodec {

    static final Instant SUBMITTED = Instant.parse("2025-05-01T09:58:00Z");
    static final JobSpec PRIMES = JobSpec.plugin("primes").split(Payload.json("{\"from\":1,\"to\":1000}"), 8).build();

    final List<String> specsRead = new ArrayList<>();
    final List<JobSpec> submitted = new ArrayList<>();
    final List<String> killed = new ArrayList<>();
    final Map<String, JobInfo> jobs = new HashMap<>();
    final Map<String, List<TaskInfo>> tasks = new HashMap<>();
    final List<WorkerInfo> workers = new ArrayList<>();
    JobStatus listedStatus;
    int listedLimit;

    private JobRejectedException readRejection;
    private JobRejectedException submitRejection;
    private final Deque<Double> progressSteps = new ArrayDeque<>();
    private JobResult outcome;
    private CompletableFuture<JobResult> running;

    /** The codec refuses every spec with this. */
    FakeJobs rejectingSpecs(JobRejectedException rejection) {
        this.readRejection = rejection;
        return this;
    }

    /** The manager refuses every job with this. */
    FakeJobs rejectingJobs(JobRejectedException rejection) {
        this.submitRejection = rejection;
        return this;
    }

    /** The next job submitted reports these progress fractions and then ends with the outcome; null never ends. */
    FakeJobs running(JobResult outcome, Double... progress) {
        this.outcome = outcome;
        this.progressSteps.addAll(List.of(progress));
        return this;
    }

    static JobResult succeeded(String id, Payload result) {
        return new JobResult(id, JobStatus.SUCCEEDED, result, List.of(), null);
    }

    static JobResult ended(String id, JobStatus status, String error, TaskResult... tasks) {
        return new JobResult(id, status, Payload.empty(), List.of(tasks), error);
    }

    static JobInfo job(String id, JobStatus status, double progress, Map<TaskStatus, Integer> tasks, Instant finished, String error) {
        return new JobInfo(id, PRIMES, status, SUBMITTED, SUBMITTED.plusSeconds(1), finished, progress, tasks, error);
    }

    @Override
    public JobSpec read(byte[] json) throws JobRejectedException {
        specsRead.add(new String(json, StandardCharsets.UTF_8));
        if (readRejection != null) {
            throw readRejection;
        }
        return PRIMES;
    }

    @Override
    public byte[] write(JobSpec spec) {
        return "{}".getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized JobHandle submit(JobSpec spec, String apiToken) throws JobRejectedException {
        if (submitRejection != null) {
            throw submitRejection;
        }
        submitted.add(spec);
        String id = String.valueOf(41 + submitted.size());
        running = new CompletableFuture<>();
        jobs.put(id, job(id, JobStatus.QUEUED, 0, Map.of(TaskStatus.QUEUED, 8), null, null));
        return new JobHandle(id, running);
    }

    @Override
    public synchronized Optional<JobInfo> job(String id) {
        JobInfo known = jobs.get(id);
        if (known != null && running != null && !running.isDone()) {
            Double next = progressSteps.poll();
            if (next != null) {
                int done = (int) Math.round(next * 8);
                known = job(id, JobStatus.RUNNING, next, done == 8 ? Map.of(TaskStatus.SUCCEEDED, 8)
                        : done == 0 ? Map.of(TaskStatus.RUNNING, 8) : Map.of(TaskStatus.SUCCEEDED, done, TaskStatus.RUNNING, 8 - done),
                        null, null);
                jobs.put(id, known);
            } else if (outcome != null) {
                known = job(id, outcome.status(), known.progress(), known.tasks(), SUBMITTED.plusSeconds(3), outcome.error());
                jobs.put(id, known);
                running.complete(new JobResult(id, outcome.status(), outcome.result(), outcome.tasks(), outcome.error()));
            }
        }
        return Optional.ofNullable(known);
    }

    @Override
    public synchronized List<JobInfo> jobs(JobStatus status, int limit) {
        listedStatus = status;
        listedLimit = limit;
        return jobs.values().stream().filter(job -> status == null || job.status() == status)
                .sorted((a, b) -> Long.compare(Long.parseLong(b.id()), Long.parseLong(a.id()))).limit(limit).toList();
    }

    @Override
    public synchronized Optional<List<TaskInfo>> tasks(String jobId) {
        return jobs.containsKey(jobId) ? Optional.of(tasks.getOrDefault(jobId, List.of())) : Optional.empty();
    }

    @Override
    public Optional<JobResult> result(String jobId) {
        return Optional.empty();
    }

    @Override
    public synchronized CompletableFuture<JobResult> completion(String jobId) {
        if (!jobs.containsKey(jobId)) {
            return CompletableFuture.failedFuture(new NoSuchElementException("no job " + jobId));
        }
        return running;
    }

    @Override
    public synchronized Optional<JobInfo> kill(String jobId, String reason) {
        JobInfo job = jobs.get(jobId);
        if (job == null) {
            return Optional.empty();
        }
        killed.add(jobId + ": " + reason);
        if (job.status().isFinal()) {
            return Optional.of(job);
        }
        JobInfo after = job(jobId, JobStatus.KILLED, job.progress(), job.tasks(), SUBMITTED.plusSeconds(5), reason);
        jobs.put(jobId, after);
        return Optional.of(after);
    }

    @Override
    public Optional<JobInfo> kill(String jobId, List<String> workerIds, String reason) {
        return kill(jobId, reason);
    }

    @Override
    public boolean delete(String jobId) {
        return false;
    }

    @Override
    public List<WorkerInfo> workers() {
        return List.copyOf(workers);
    }
}
