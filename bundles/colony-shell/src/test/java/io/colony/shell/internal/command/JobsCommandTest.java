package io.colony.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.JobInfo;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobStatus;
import io.colony.api.job.Targets;
import io.colony.api.job.TaskStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobsCommandTest {

    private static String print(List<JobInfo> jobs, JobsCommand.Query query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JobsCommand.print(jobs, query, NodesCommandTest.CLOCK, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String errorOf(String... args) {
        String message = assertThrows(IllegalArgumentException.class, () -> JobsCommand.parse(args)).getMessage();
        assertTrue(message.contains("\nusage: colony:jobs"), message);
        return message.substring(0, message.indexOf('\n'));
    }

    @Test
    void listsEachJobWithItsWorkTasksProgressAndTimes() {
        JobInfo running = FakeJobs.job("43", JobStatus.RUNNING, 0.375, Map.of(TaskStatus.SUCCEEDED, 3, TaskStatus.RUNNING, 5), null, null);
        JobSpec command = JobSpec.command("convert  in.png\nout.jpg").targets(Targets.workers("beta")).build();
        JobInfo failed = new JobInfo("42", command, JobStatus.FAILED, FakeJobs.SUBMITTED.minusSeconds(3600), null,
                FakeJobs.SUBMITTED.minusSeconds(3600 - 75), 1, Map.of(TaskStatus.FAILED, 1), "exit code 1");
        String table = print(List.of(running, failed), new JobsCommand.Query(Optional.empty(), 50, false));
        assertEquals("""
                ID  STATUS   WORK                        TASKS  PROGRESS  SUBMITTED            DURATION
                43  RUNNING  primes                      3/8    38%       2025-05-01 09:58:00  2m
                42  FAILED   sh: convert in.png out.jpg  1/1    100%      2025-05-01 08:58:00  1m 15s
                """, table);
    }

    @Test
    void saysWhenThereAreNoJobsAndWhenMoreMayBeThere() {
        assertEquals(JobsCommand.NO_JOBS + "\n", print(List.of(), new JobsCommand.Query(Optional.empty(), 50, false)));
        assertEquals("this manager has no FAILED jobs\n", print(List.of(), new JobsCommand.Query(Optional.of(JobStatus.FAILED), 50, false)));
        JobInfo job = FakeJobs.job("43", JobStatus.QUEUED, 0, Map.of(TaskStatus.QUEUED, 8), null, null);
        assertTrue(print(List.of(job), new JobsCommand.Query(Optional.empty(), 1, false))
                .endsWith("\nthe newest 1 shown; --limit shows more (up to 1000)\n"));
    }

    @Test
    void readsTheStatusInAnyCaseAndTheLimit() {
        JobsCommand.Query query = JobsCommand.parse(new String[] {"failed", "--limit", "5"});
        assertEquals(Optional.of(JobStatus.FAILED), query.status());
        assertEquals(5, query.limit());
        assertEquals(new JobsCommand.Query(Optional.empty(), JobsCommand.DEFAULT_LIMIT, false), JobsCommand.parse(new String[0]));
    }

    @Test
    void wrongArgumentsAreReported() {
        assertEquals("colony:jobs: unknown status 'done' (expected queued, running, succeeded, failed, killed)", errorOf("done"));
        assertEquals("colony:jobs: --limit: '0' is not a whole number from 1 to 1000", errorOf("--limit", "0"));
        assertEquals("colony:jobs: --limit: 'all' is not a whole number from 1 to 1000", errorOf("--limit=all"));
        assertEquals("colony:jobs: unexpected argument 'queued'", errorOf("running", "queued"));
    }
}
