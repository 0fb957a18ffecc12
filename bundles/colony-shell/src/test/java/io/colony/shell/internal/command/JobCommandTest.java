package io.colony.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.colony.api.job.JobInfo;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobStatus;
import io.colony.api.job.ResultAction;
import io.colony.api.job.Strategy;
import io.colony.api.job.TaskInfo;
import io.colony.api.job.TaskStatus;
import io.colony.api.source.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobCommandTest {

    private static final Instant STARTED = FakeJobs.SUBMITTED.plusSeconds(1);

    private static String print(JobInfo job, List<TaskInfo> tasks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JobCommand.print(job, tasks, NodesCommandTest.CLOCK, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheJobsDetailsAndATableOfItsTasks() {
        JobInfo job = FakeJobs.job("42", JobStatus.RUNNING, 0.5,
                Map.of(TaskStatus.SUCCEEDED, 1, TaskStatus.FAILED, 1, TaskStatus.RUNNING, 1, TaskStatus.QUEUED, 1), null, null);
        List<TaskInfo> tasks = List.of(
                new TaskInfo("42", 0, TaskStatus.SUCCEEDED, "beta", null, 1, STARTED, STARTED.plusSeconds(4), 1, null, null),
                new TaskInfo("42", 1, TaskStatus.FAILED, "gamma", null, 3, STARTED, STARTED.plusMillis(800), 0.2, 2,
                        "to: must be\n  >= from"),
                new TaskInfo("42", 2, TaskStatus.RUNNING, "beta", null, 1, STARTED.plusSeconds(60), null, 0.456, null, null),
                new TaskInfo("42", 3, TaskStatus.QUEUED, null, "delta", 0, null, null, 0, null, null));
        assertEquals("""
                id         42
                status     RUNNING
                work       plugin primes
                input      20 bytes application/json, split into at most 8 chunks
                targets    any worker
                strategy   round-robin
                limits     task timeout 10m, 2 retries, priority 0
                result     kept for the retention period
                submitted  2025-05-01 09:58:00
                started    2025-05-01 09:58:01
                finished   -
                duration   2m
                progress   50%, 2/4 tasks done: 1 queued, 1 running, 1 succeeded, 1 failed

                INDEX  STATUS       WORKER          ATTEMPTS  TIME   EXIT  ERROR
                0      SUCCEEDED    beta            1         4s     -     -
                1      FAILED       gamma           3         800ms  2     to: must be >= from
                2      RUNNING 46%  beta            1         59s    -     -
                3      QUEUED       delta (pinned)  0         -      -     -
                """, print(job, tasks));
    }

    @Test
    void aTaskWhoseSourceDidNotCompileIsFollowedByTheCompilersDiagnosticsOneLineEach() {
        JobInfo job = FakeJobs.job("43", JobStatus.FAILED, 1, Map.of(TaskStatus.SUCCEEDED, 1, TaskStatus.FAILED, 1),
                STARTED.plusSeconds(2), "task 1 FAILED: failed on gamma: the source does not compile");
        List<Diagnostic> diagnostics = List.of(
                new Diagnostic("ERROR", "demo/Squares.java", 7, 21, "cannot find symbol\n  symbol:   class Sqaure\n  location: class demo.Squares"),
                new Diagnostic("WARNING", "demo/Squares.java", 3, 1, "[removal] Integer(int) in Integer has been deprecated"),
                new Diagnostic("ERROR", "", 0, 0, "the source did not compile within 30 s"));
        List<TaskInfo> tasks = List.of(
                new TaskInfo("43", 0, TaskStatus.SUCCEEDED, "beta", null, 1, STARTED, STARTED.plusSeconds(1), 1, null, null),
                new TaskInfo("43", 1, TaskStatus.FAILED, "gamma", null, 1, STARTED, STARTED.plusSeconds(2), 0, null,
                        "failed on gamma: the source does not compile", null, diagnostics));

        List<String> lines = print(job, tasks).lines().toList();

        assertEquals(List.of(
                "1      FAILED     gamma   1         2s    -     failed on gamma: the source does not compile",
                "",
                "task 1 did not compile:",
                "  demo/Squares.java:7:21: error: cannot find symbol symbol: class Sqaure location: class demo.Squares",
                "  demo/Squares.java:3:1: warning: [removal] Integer(int) in Integer has been deprecated",
                "  error: the source did not compile within 30 s"), lines.subList(lines.size() - 6, lines.size()));
    }

    @Test
    void showsTheErrorAndOtherSettingsOfAnEndedJob() {
        JobSpec spec = JobSpec.plugin("mandelbrot", "[1.0,2)").strategy(Strategy.LEAST_LOADED)
                .result(new ResultAction.Post(URI.create("https://example.org/done"))).retries(0).build();
        JobInfo job = new JobInfo("7", spec, JobStatus.KILLED, FakeJobs.SUBMITTED, null, FakeJobs.SUBMITTED.plusSeconds(2), 0, Map.of(),
                "killed with colony:kill");
        String printed = print(job, List.of());
        assertEquals(List.of(
                "work       plugin mandelbrot [1.0,2)",
                "input      0 bytes application/octet-stream",
                "strategy   least-loaded",
                "limits     task timeout 10m, 0 retries, priority 0",
                "result     posted to https://example.org/done",
                "started    -",
                "duration   2s",
                "progress   0%, 0/0 tasks done",
                "error      killed with colony:kill",
                "",
                "no tasks"), printed.lines().filter(line -> line.isEmpty() || line.matches(
                        "(work|input|strategy|limits|result|started|duration|progress|error|no tasks).*")).toList());
    }
}
