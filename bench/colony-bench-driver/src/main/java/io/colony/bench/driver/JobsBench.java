package io.colony.bench.driver;

import io.colony.api.job.JobHandle;
import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobService;
import io.colony.api.job.JobSpec;
import io.colony.api.job.Targets;
import io.colony.api.plugin.Payload;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The jobs benchmark's workloads through a manager's {@link JobService}, the same as the Hazelcast
 * peer's (shared/peers/hazelcast), on the {@code echo} plugin: prints {@code colony <figure> <value>}
 * lines and {@code #} detail lines. Every phase (its warm-up included) ends by its time limit at the latest.
 */
final class JobsBench {

    static final String PLUGIN = "echo";
    static final int LATENCY_BYTES = 1024;
    private static final Duration ONE_JOB_LIMIT = Duration.ofSeconds(30);

    private final JobService jobs;
    private final BenchOptions options;
    private final Consumer<String> out;

    JobsBench(JobService jobs, BenchOptions options, Consumer<String> out) {
        this.jobs = jobs;
        this.options = options;
        this.out = out;
    }

    void run() throws InterruptedException {
        out.accept("# jobs benchmark in the manager's JVM through JobService, " + Runtime.getRuntime().availableProcessors()
                + " cores, java " + Runtime.version() + ", workers: " + jobs.workers().stream()
                        .map(w -> w.id() + " " + w.slots() + " slots").toList()
                + (options.durable() ? ", durable jobs (written to the job store)" : ", jobs in memory only (durable=false)"));
        for (String phase : options.phases()) {
            long deadline = System.nanoTime() + options.phaseLimit().toNanos(); // warm-up and measurement alike
            switch (phase) {
                case "inflight" -> {
                    inflight(options.inflightWarm(), false, deadline);
                    inflight(options.inflightJobs(), true, deadline);
                }
                case "split" -> {
                    split(options.splitWarm(), false, deadline);
                    split(options.splitTasks(), true, deadline);
                }
                case "latency" -> latency(deadline);
                case "pool" -> {
                    pool(options.poolWarm(), false, deadline);
                    pool(options.poolOps(), true, deadline);
                }
                default -> throw new IllegalStateException("phase " + phase);
            }
        }
    }

    /** (a) single-task empty jobs with up to {@code inflight.limit} in flight: jobs/s. */
    private void inflight(int count, boolean report, long deadline) throws InterruptedException {
        JobSpec spec = JobSpec.plugin(PLUGIN).input(Payload.empty()).durable(options.durable()).build();
        Semaphore permits = new Semaphore(options.inflightLimit());
        CountDownLatch done = new CountDownLatch(count);
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long rejected = 0;
        Cpu cpu = Cpu.now();
        long start = System.nanoTime();
        int submitted = 0;
        while (submitted < count && permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            JobHandle handle;
            try {
                handle = jobs.submit(spec);
            } catch (JobRejectedException e) {
                permits.release();
                if (e.reason() != JobRejectedException.Reason.OVERLOADED || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the manager refused a job: " + e.getMessage(), e);
                }
                rejected++;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                continue;
            }
            submitted++;
            handle.result().whenComplete((result, failure) -> {
                if (failure != null || !result.succeeded()) {
                    failed.incrementAndGet();
                    firstError.compareAndSet(null, failure != null ? failure.toString() : result.status() + ": " + result.error());
                }
                permits.release();
                done.countDown();
            });
        }
        boolean allDone = done.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        long elapsed = System.nanoTime() - start;
        long completed = count - done.getCount();
        if (report) {
            out.accept(String.format("colony empty_jobs_per_s %.0f", completed / seconds(elapsed)));
        }
        out.accept(String.format("# inflight%s: %d of %d single-task empty jobs, at most %d in flight, in %.2f s, %d failed%s,"
                + " %d submissions refused as overloaded and sent again%s; %s", report ? "" : " (warm-up)", completed, count,
                options.inflightLimit(), seconds(elapsed), failed.get(), firstError.get() == null ? "" : " (first: " + firstError.get() + ")",
                rejected, allDone ? "" : "; CUT SHORT by the phase limit", cpu.since(elapsed)));
    }

    /** (a') one job split into {@code tasks} empty tasks, from submission to its reduced result: tasks/s. */
    private void split(int tasks, boolean report, long deadline) throws InterruptedException {
        JobSpec spec = JobSpec.plugin(PLUGIN).split(Payload.json("{\"tasks\":" + tasks + ",\"bytes\":0}"), tasks).durable(options.durable()).build();
        Cpu cpu = Cpu.now();
        long start = System.nanoTime();
        JobResult result = await(spec, Duration.ofNanos(Math.max(1, deadline - start)));
        long elapsed = System.nanoTime() - start;
        if (result != null && result.succeeded() && report) {
            out.accept(String.format("colony split_job_empty_tasks_per_s %.0f", tasks / seconds(elapsed)));
        }
        out.accept(String.format("# split%s: one job of %d empty tasks, submission to reduced result in %.2f s: %s; %s",
                report ? "" : " (warm-up)", tasks, seconds(elapsed), result == null ? "CUT SHORT by the phase limit"
                        : result.status() + (result.succeeded() ? " " + result.result().asText() : ": " + result.error()),
                cpu.since(elapsed)));
    }

    /** (b) one single-task job at a time carrying and returning 1 KiB: p50, p99, p99.9 in µs. */
    private void latency(long deadline) throws InterruptedException {
        byte[] bytes = new byte[LATENCY_BYTES];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        JobSpec spec = JobSpec.plugin(PLUGIN).input(Payload.of(bytes, Payload.BINARY)).durable(options.durable()).build();
        for (int i = 0; i < options.latencyWarm() && System.nanoTime() < deadline; i++) {
            echo(spec);
        }
        Samples samples = new Samples(options.latencySamples());
        Cpu cpu = Cpu.now();
        long start = System.nanoTime();
        while (samples.count() < options.latencySamples() && System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            echo(spec);
            samples.add(System.nanoTime() - sent);
        }
        long elapsed = System.nanoTime() - start;
        out.accept(String.format("colony latency_1kib_p50_us %.1f", samples.percentileMicros(50)));
        out.accept(String.format("colony latency_1kib_p99_us %.1f", samples.percentileMicros(99)));
        out.accept(String.format("colony latency_1kib_p999_us %.1f", samples.percentileMicros(99.9)));
        out.accept(String.format("# latency: %d samples of %d after %d warm-up, one 1 KiB job at a time, submit to result;"
                + " mean %.1f µs, max %.1f µs; %s", samples.count(), options.latencySamples(), options.latencyWarm(),
                samples.meanMicros(), samples.percentileMicros(100), cpu.since(elapsed)));
    }

    private void echo(JobSpec spec) throws InterruptedException {
        JobResult result = await(spec, ONE_JOB_LIMIT);
        if (result == null || !result.succeeded() || result.result().size() != LATENCY_BYTES) {
            throw new IllegalStateException("the echo job did not return its 1 KiB: " + (result == null ? "no answer within "
                    + ONE_JOB_LIMIT.toSeconds() + " s" : result.status() + " " + result.result().size() + " bytes " + result.error()));
        }
    }

    /** (c) one job at a time with one empty task on every worker (a pool): ops/s. */
    private void pool(int count, boolean report, long deadline) throws InterruptedException {
        JobSpec spec = JobSpec.plugin(PLUGIN).input(Payload.empty()).targets(Targets.all()).durable(options.durable()).build();
        Cpu cpu = Cpu.now();
        long start = System.nanoTime();
        int done = 0;
        int tasks = 0;
        for (; done < count && System.nanoTime() < deadline; done++) {
            JobResult result = await(spec, ONE_JOB_LIMIT);
            if (result == null || !result.succeeded()) {
                throw new IllegalStateException("a pool job did not succeed: " + (result == null ? "no answer" : result.error()));
            }
            tasks = result.tasks().size();
        }
        long elapsed = System.nanoTime() - start;
        if (report) {
            out.accept(String.format("colony pool_all_ops_per_s %.0f", done / seconds(elapsed)));
        }
        out.accept(String.format("# pool%s: %d of %d jobs on all workers (%d tasks each), one at a time, in %.2f s; %s",
                report ? "" : " (warm-up)", done, count, tasks, seconds(elapsed), cpu.since(elapsed)));
    }

    /** Submits and waits for the result; null when it does not come within the limit (the job is then killed). */
    private JobResult await(JobSpec spec, Duration limit) throws InterruptedException {
        JobHandle handle;
        try {
            handle = jobs.submit(spec);
        } catch (JobRejectedException e) {
            throw new IllegalStateException("the manager refused a job: " + e.getMessage(), e);
        }
        try {
            return handle.result().get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            jobs.kill(handle.id(), "the benchmark's time limit");
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("job " + handle.id() + " failed: " + e.getCause(), e.getCause());
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** This process's CPU time at a moment. */
    private record Cpu(long nanos) {
        static Cpu now() {
            return new Cpu(ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L));
        }

        String since(long wallNanos) {
            long used = now().nanos - nanos;
            return String.format("manager cpu %.1f s (%.0f%% of a core)", used / 1e9, 100.0 * used / wallNanos);
        }
    }
}
