package io.colony.bench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.JobHandle;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobService;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobStatus;
import io.colony.api.job.Targets;
import io.colony.api.plugin.Payload;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JobsBenchTest {

    private final AtomicInteger submitted = new AtomicInteger();

    /** A JobService that answers every job at once with {@code answer}. */
    private JobService service(Function<JobSpec, JobResult> answer) {
        return (JobService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JobService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "submit" -> {
                        String id = Integer.toString(submitted.incrementAndGet());
                        yield new JobHandle(id, CompletableFuture.completedFuture(answer.apply((JobSpec) args[0])));
                    }
                    case "workers" -> List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static JobResult echo(JobSpec spec) {
        Payload result = spec.isSplit() ? Payload.json("{\"tasks\":1,\"bytes\":0}") : spec.input();
        return new JobResult("1", JobStatus.SUCCEEDED, result, List.of(), null);
    }

    private List<String> run(JobService service, String... options) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        new JobsBench(service, BenchOptions.parse(options), lines::add).run();
        return lines;
    }

    @Test
    void everyPhasePrintsItsFigures() throws InterruptedException {
        List<String> lines = run(service(JobsBenchTest::echo), "inflight.jobs=50", "inflight.warm=5", "split.tasks=10",
                "split.warm=2", "latency.samples=20", "latency.warm=2", "pool.ops=5", "pool.warm=1");
        List<String> figures = lines.stream().filter(line -> line.startsWith("colony ")).map(line -> line.split(" ")[1]).toList();
        assertEquals(List.of("empty_jobs_per_s", "split_job_empty_tasks_per_s", "latency_1kib_p50_us", "latency_1kib_p99_us",
                "latency_1kib_p999_us", "pool_all_ops_per_s"), figures);
        assertEquals(5 + 50 + 2 + 2 + 20 + 1 + 5, submitted.get());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("# inflight: 50 of 50 single-task empty jobs")), lines::toString);
    }

    @Test
    void failedJobsAreCountedNotHidden() throws InterruptedException {
        List<String> lines = run(service(spec -> new JobResult("1", JobStatus.FAILED, Payload.empty(), List.of(), "boom")),
                "phases=inflight", "inflight.jobs=10", "inflight.warm=1");
        assertTrue(lines.stream().anyMatch(line -> line.contains("10 failed (first: FAILED: boom)")), lines::toString);
    }

    @Test
    void anEchoOfTheWrongSizeStopsTheLatencyPhase() {
        JobService shortEcho = service(spec -> new JobResult("1", JobStatus.SUCCEEDED, Payload.empty(), List.of(), null));
        IllegalStateException stopped = assertThrows(IllegalStateException.class,
                () -> run(shortEcho, "phases=latency", "latency.warm=1", "latency.samples=1"));
        assertTrue(stopped.getMessage().contains("did not return its 1 KiB"), stopped.getMessage());
    }
}
