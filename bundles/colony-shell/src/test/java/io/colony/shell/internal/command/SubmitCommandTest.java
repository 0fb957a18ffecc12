package io.colony.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobRejectedException.Reason;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskResult;
import io.colony.api.job.TaskStatus;
import io.colony.api.plugin.Payload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SubmitCommandTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10};
    private static final String SPEC = "{\"plugin\":{\"name\":\"primes\"},\"input\":{\"from\":1,\"to\":1000},\"chunks\":8}";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();
    private final PrintStream progress = new PrintStream(progressBytes, true, StandardCharsets.UTF_8);
    private final FakeJobs jobs = new FakeJobs();

    @BeforeEach
    void writeSpec() throws IOException {
        Files.writeString(directory.resolve("job.json"), SPEC);
    }

    private void submit(boolean terminal, String... args) {
        submit(SubmitArguments.parse(args), terminal);
    }

    private void submit(SubmitArguments arguments, boolean terminal) {
        new SubmitCommand(jobs, jobs, Duration.ofMillis(1)).execute(arguments, directory, out, progress, terminal);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private String progress() {
        return progressBytes.toString(StandardCharsets.UTF_8);
    }

    private String failureOf(String... args) {
        return assertThrows(RuntimeException.class, () -> submit(false, args)).getMessage();
    }

    @Test
    void submitsTheSpecFromTheFileAndPrintsTheIdThenTheJsonResult() {
        jobs.running(FakeJobs.succeeded("42", Payload.json("{\"count\":168}")), 0.5);
        submit(false, "job.json");
        assertEquals(List.of(SPEC), jobs.specsRead);
        assertEquals(List.of(FakeJobs.PRIMES), jobs.submitted);
        assertEquals("job 42 submitted\n{\"count\":168}\n", printed());
        assertTrue(progress().matches("(?s).*colony:submit: job 42 succeeded in \\d+ms\\R"), progress());
    }

    @Test
    void noWaitPrintsTheIdAndReturnsWhileTheJobRuns() {
        submit(false, "--no-wait", "job.json");
        assertEquals("job 42 submitted; colony:job 42 follows it\n", printed());
        assertEquals("", progress());
    }

    @Test
    void aBinaryResultIsWrittenToTheJobIdInTheWorkingDirectoryWithoutReplacingAFile() throws IOException {
        Files.write(directory.resolve("42.png"), new byte[] {1});
        jobs.running(FakeJobs.succeeded("42", Payload.of(PNG, Payload.PNG)));
        submit(false, "job.json");
        Path file = directory.resolve("42-2.png");
        assertArrayEquals(PNG, Files.readAllBytes(file));
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(directory.resolve("42.png")));
        assertEquals("job 42 submitted\nwrote 6 bytes (image/png) to " + file + "\n", printed());
    }

    @Test
    void theResultGoesToTheOutputFileRelativeToTheWorkingDirectory() throws IOException {
        jobs.running(FakeJobs.succeeded("42", Payload.json("{\"count\":168}")));
        submit(false, "--output", "results/primes.json", "job.json");
        Path file = directory.resolve("results/primes.json");
        assertEquals("{\"count\":168}", Files.readString(file));
        assertEquals("job 42 submitted\nwrote 13 bytes (application/json) to " + file + "\n", printed());
    }

    @Test
    void anEmptyResultIsSaidRatherThanWritten() {
        jobs.running(FakeJobs.succeeded("42", Payload.empty()));
        submit(false, "job.json");
        assertEquals("job 42 submitted\njob 42 succeeded with an empty result\n", printed());
    }

    @Test
    void aFailedJobFailsTheCommandWithItsError() {
        jobs.running(FakeJobs.ended("42", JobStatus.FAILED, "task 3 failed 3 times: to: must be >= from"), 0.25);
        assertEquals("colony:submit: job 42 FAILED: task 3 failed 3 times: to: must be >= from", failureOf("job.json"));
        assertEquals("job 42 submitted\n", printed());
    }

    @Test
    void aJobWithoutItsOwnErrorFailsWithItsFirstTasksError() {
        jobs.running(FakeJobs.ended("42", JobStatus.KILLED, null,
                new TaskResult(0, "beta", TaskStatus.SUCCEEDED, Payload.empty(), null, null),
                new TaskResult(1, "gamma", TaskStatus.KILLED, Payload.empty(), 137, "cancelled by the manager")));
        assertEquals("colony:submit: job 42 KILLED: task 1 on gamma: cancelled by the manager", failureOf("job.json"));
    }

    @Test
    void aMissingOrUnreadableFileIsNamedWithWhereItWasLookedFor() throws IOException {
        assertEquals("colony:submit: nope.json (" + directory.resolve("nope.json") + "): no such file", failureOf("nope.json"));
        Files.createDirectory(directory.resolve("jobs"));
        assertEquals("colony:submit: jobs (" + directory.resolve("jobs") + ") is a directory, not a file", failureOf("jobs"));
        assertTrue(jobs.specsRead.isEmpty());
    }

    @Test
    void aRejectedSpecNamesTheFileTheFieldAndTheReason() {
        jobs.rejectingSpecs(JobRejectedException.invalid("targets.workers[1]", "a worker is named twice"));
        assertEquals("colony:submit: job.json: targets.workers[1]: a worker is named twice", failureOf("job.json"));
        assertTrue(jobs.submitted.isEmpty());
    }

    @Test
    void aSpecThatIsNotJsonNamesTheFileAndTheReason() {
        jobs.rejectingSpecs(JobRejectedException.invalid("", "not JSON: unexpected end of input at line 1"));
        assertEquals("colony:submit: job.json: not JSON: unexpected end of input at line 1", failureOf("job.json"));
    }

    @Test
    void aJobTheManagerRefusesSaysWhy() {
        jobs.rejectingJobs(JobRejectedException.invalid("plugin.name", "no worker has plugin 'primes'"));
        assertEquals("colony:submit: job.json: plugin.name: no worker has plugin 'primes'", failureOf("job.json"));
        jobs.rejectingJobs(new JobRejectedException(Reason.FORBIDDEN, "command", "commands are not allowed on this manager"));
        assertEquals("colony:submit: the trust policy forbids this job: command: commands are not allowed on this manager",
                failureOf("job.json"));
        jobs.rejectingJobs(new JobRejectedException(Reason.OVERLOADED, "", "1000 jobs queued"));
        assertEquals("colony:submit: the manager takes no more jobs now, try again later: 1000 jobs queued", failureOf("job.json"));
    }

    @Test
    void withoutATerminalProgressIsOneLinePerTenPercentStep() {
        jobs.running(FakeJobs.succeeded("42", Payload.text("done")), 0.0, 0.05, 0.12, 0.15, 0.19, 0.5, 0.51, 1.0);
        submit(false, "job.json");
        assertEquals(List.of("job 42: 0% (0 of 8 tasks done)", "job 42: 10% (1 of 8 tasks done)", "job 42: 50% (4 of 8 tasks done)",
                "job 42: 100% (8 of 8 tasks done)"), progress().lines().filter(line -> !line.startsWith("colony:submit:")).toList());
        assertFalse(progress().contains("\r"));
    }

    @Test
    void onATerminalProgressIsOneBarRedrawnInPlace() {
        jobs.running(FakeJobs.succeeded("42", Payload.text("done")), 0.0, 0.5, 1.0);
        submit(true, "job.json");
        String shown = progress();
        String bar = shown.substring(0, shown.indexOf('\n'));
        assertEquals(List.of("", "job 42 [------------------------------]   0%  0/8 tasks  RUNNING",
                "job 42 [###############---------------]  50%  4/8 tasks  RUNNING",
                "job 42 [##############################] 100%  8/8 tasks  RUNNING",
                "job 42 [##############################] 100%  8/8 tasks  SUCCEEDED"), List.of(bar.split("\r", -1)));
        assertTrue(shown.substring(shown.indexOf('\n') + 1).startsWith("colony:submit: job 42 succeeded in "), shown);
    }

    @Test
    void theTimeoutStopsWaitingAndLeavesTheJobRunning() {
        jobs.running(null);
        SubmitArguments arguments = new SubmitArguments("job.json", true, null, Optional.of(Duration.ofMillis(50)), false);
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> submit(arguments, false));
        assertEquals("colony:submit: timed out after 50ms waiting for job 42, which keeps running; colony:job 42 shows it, "
                + "colony:kill 42 stops it", error.getMessage());
        assertTrue(jobs.killed.isEmpty());
    }

    @Test
    void anInterruptStopsWaitingSaysSoAndLeavesTheJobRunning() throws InterruptedException {
        jobs.running(null);
        AtomicReference<RuntimeException> thrown = new AtomicReference<>();
        Thread command = new Thread(() -> {
            try {
                submit(false, "job.json");
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        }, "submit-under-test");
        command.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (jobs.submitted.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        command.interrupt();
        command.join(5000);
        assertEquals("colony:submit: interrupted waiting for job 42, which keeps running; colony:job 42 shows it, "
                + "colony:kill 42 stops it", thrown.get().getMessage());
        assertTrue(jobs.killed.isEmpty());
    }

    @Test
    void aJobIdNeverLeadsOutOfTheWorkingDirectory() {
        assertEquals("42", SubmitCommand.fileNameOf("42"));
        assertEquals("job-.._.._etc", SubmitCommand.fileNameOf("../../etc"));
    }
}
