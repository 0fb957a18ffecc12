package io.colony.manager.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.JobInfo;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskStatus;
import io.colony.api.plugin.Payload;
import io.colony.api.source.Diagnostic;
import io.colony.manager.internal.placement.WorkerQuery;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoryJobsTest {

    private static JobRun ended(String id, Instant at) {
        JobRun job = new JobRun(id, JobSpec.plugin("sum").input(Payload.text("1")).durable(false).build(), at, WorkerQuery.all());
        TaskRun task = new TaskRun(job, 0, job.spec.input(), null);
        job.tasks.add(task);
        task.status = TaskStatus.SUCCEEDED;
        task.output = Payload.text(id);
        job.ended(TaskStatus.SUCCEEDED);
        job.status = JobStatus.SUCCEEDED;
        job.finishedAt = at;
        job.result = task.output;
        job.phase = JobRun.Phase.DONE;
        return job;
    }

    @Test
    void anEndedJobIsReadableAndItsContinuationRuns() {
        MemoryJobs memory = new MemoryJobs(10);
        AtomicInteger continued = new AtomicInteger();
        JobRun running = ended("1", Instant.EPOCH);
        running.status = JobStatus.RUNNING;
        memory.jobChanged(running, continued::incrementAndGet);
        assertTrue(memory.job("1").isEmpty(), "a running job is the manager's own");

        memory.jobChanged(ended("1", Instant.EPOCH), continued::incrementAndGet);

        assertEquals(2, continued.get());
        assertEquals(JobStatus.SUCCEEDED, memory.job("1").orElseThrow().status());
        assertEquals("1", memory.result("1").orElseThrow().result().asText());
        assertEquals(1, memory.tasks("1").orElseThrow().size());
        assertTrue(memory.submitted(ended("2", Instant.EPOCH)).isDone());
    }

    @Test
    void anEndedJobKeepsTheCompilerDiagnosticsOfItsTasks() {
        MemoryJobs memory = new MemoryJobs(10);
        JobRun job = ended("1", Instant.EPOCH);
        List<Diagnostic> diagnostics = List.of(new Diagnostic("ERROR", "demo/Squares.java", 2, 14, "cannot find symbol"));
        job.tasks.get(0).status = TaskStatus.FAILED;
        job.tasks.get(0).diagnostics = diagnostics;
        memory.jobChanged(job, () -> { });
        job.tasks.get(0).diagnostics = List.of();

        assertEquals(diagnostics, memory.tasks("1").orElseThrow().get(0).diagnostics(), "a snapshot taken when the job ended");
    }

    @Test
    void theOldestEndedJobsBeyondTheLimitAreForgotten() {
        MemoryJobs memory = new MemoryJobs(2);
        for (String id : List.of("1", "2", "3")) {
            memory.jobChanged(ended(id, Instant.EPOCH), () -> { });
        }
        assertTrue(memory.job("1").isEmpty());
        assertEquals(List.of("3", "2"), memory.jobs(null, 10).stream().map(JobInfo::id).toList());
        assertEquals(List.of("3"), memory.jobs(JobStatus.SUCCEEDED, 1).stream().map(JobInfo::id).toList());
        assertEquals(List.of(), memory.jobs(JobStatus.FAILED, 10));
    }

    @Test
    void jobsThatEndedBeforeTheCutoffArePurged() {
        MemoryJobs memory = new MemoryJobs(10);
        memory.jobChanged(ended("1", Instant.ofEpochSecond(100)), () -> { });
        memory.jobChanged(ended("2", Instant.ofEpochSecond(200)), () -> { });
        assertEquals(List.of("1"), memory.purge(Instant.ofEpochSecond(150)));
        assertTrue(memory.job("1").isEmpty());
        assertTrue(memory.job("2").isPresent());
    }

    @Test
    void zeroKeepsNothing() {
        MemoryJobs memory = new MemoryJobs(0);
        AtomicInteger continued = new AtomicInteger();
        memory.jobChanged(ended("1", Instant.EPOCH), continued::incrementAndGet);
        assertEquals(1, continued.get());
        assertTrue(memory.job("1").isEmpty());
    }
}
