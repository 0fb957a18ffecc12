package io.colony.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.cluster.MemberState;
import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskStatus;
import io.colony.api.node.Role;
import io.colony.api.plugin.Payload;
import io.colony.shell.internal.GogoShell;
import io.colony.shell.internal.diagnostics.FakeComponentRuntime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The job commands as Gogo calls them on a manager node, and on nodes where they cannot work. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JobCommandsInGogoTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10};

    @TempDir
    Path home;

    private JobCommands commands;
    private FakeJobs jobs;
    private GogoShell gogo;
    private CommandSession session;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        commands = new JobCommands(NodesCommandTest.CLOCK, Duration.ofMillis(1));
        jobs = new FakeJobs();
        commands.node = NodeCommandTest.node(EnumSet.of(Role.MANAGER, Role.WORKER));
        commands.jobService = jobs;
        commands.specCodec = jobs;
        gogo = new GogoShell().with("colony", commands);
        session = gogo.processor().createSession(InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        session.currentDir(home);
        Files.writeString(home.resolve("render.json"), "{\"plugin\":{\"name\":\"mandelbrot\"}}");
    }

    @AfterEach
    void stop() {
        session.close();
        gogo.close();
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String failureOf(String line) {
        return assertThrows(Exception.class, () -> session.execute(line)).getMessage();
    }

    @Test
    void submitReadsTheFileInTheWorkingDirectoryAndWritesABinaryResultThere() throws Exception {
        jobs.running(FakeJobs.succeeded("42", Payload.of(PNG, Payload.PNG)), 0.5);
        session.execute("colony:submit render.json");
        assertEquals(List.of("{\"plugin\":{\"name\":\"mandelbrot\"}}"), jobs.specsRead);
        assertArrayEquals(PNG, Files.readAllBytes(home.resolve("42.png")));
        assertEquals("job 42 submitted\nwrote 6 bytes (image/png) to " + home.resolve("42.png") + "\n", printed());
        String progress = err.toString(StandardCharsets.UTF_8);
        assertTrue(progress.startsWith("job 42: 50% (4 of 8 tasks done)\n"), "not a terminal, so no bar: " + progress);
    }

    @Test
    void submitOnTheConsoleRedrawsItsProgressBar() throws Exception {
        jobs.running(FakeJobs.succeeded("42", Payload.text("done")), 0.5);
        session.put(Terminals.TERMINAL_VARIABLE, "the console's terminal");
        session.execute("colony:submit render.json");
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("\rjob 42 [###############---------------]  50%"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailedJobMakesTheCommandFail() {
        jobs.running(FakeJobs.ended("42", JobStatus.FAILED, "no worker could run task 0"));
        assertEquals("colony:submit: job 42 FAILED: no worker could run task 0", failureOf("colony:submit render.json"));
    }

    @Test
    void submitReportsARejectedSpecAndAMissingFile() {
        jobs.rejectingSpecs(JobRejectedException.invalid("chunks", "must be from 0 to 100000, was -1"));
        assertEquals("colony:submit: render.json: chunks: must be from 0 to 100000, was -1", failureOf("colony:submit render.json"));
        assertEquals("colony:submit: missing.json (" + home.resolve("missing.json") + "): no such file",
                failureOf("colony:submit missing.json"));
    }

    @Test
    void submitWithWrongArgumentsSaysWhyAndHowToCallIt() {
        assertTrue(failureOf("colony:submit").startsWith("colony:submit: missing <job.json>\nusage: colony:submit "));
        assertTrue(failureOf("colony:submit --no-wait --output x.png render.json")
                .startsWith("colony:submit: --output needs the command to wait for the result; leave out --no-wait\nusage:"));
    }

    @Test
    void everyJobCommandSaysThatTheNodeIsNotAManager() {
        commands.node = NodeCommandTest.node(EnumSet.of(Role.WORKER));
        commands.jobService = null;
        commands.specCodec = null;
        String notAManager = "this node is not a manager (roles: worker); add manager to roles in etc/io.colony.node.cfg "
                + "or start the node with --roles";
        assertEquals("colony:submit: " + notAManager, failureOf("colony:submit render.json"));
        assertEquals("colony:jobs: " + notAManager, failureOf("colony:jobs"));
        assertEquals("colony:job: " + notAManager, failureOf("colony:job 42"));
        assertEquals("colony:kill: " + notAManager, failureOf("colony:kill 42"));
        assertEquals("colony:workers: " + notAManager, failureOf("colony:workers"));
    }

    @Test
    void aManagerWithoutItsServiceSaysThatTheManagerBundleIsNotActive() {
        commands.jobService = null;
        commands.componentRuntime = new FakeComponentRuntime();
        assertEquals("colony:jobs: the manager bundle (colony-manager) is not active", failureOf("colony:jobs"));
    }

    @Test
    void jobsListsTheJobsOfAStatus() throws Exception {
        jobs.jobs.put("41", FakeJobs.job("41", JobStatus.SUCCEEDED, 1, Map.of(TaskStatus.SUCCEEDED, 8), FakeJobs.SUBMITTED.plusSeconds(9),
                null));
        jobs.jobs.put("42", FakeJobs.job("42", JobStatus.RUNNING, 0.5, Map.of(TaskStatus.SUCCEEDED, 4, TaskStatus.RUNNING, 4), null, null));
        session.execute("colony:jobs running --limit 10");
        assertEquals(JobStatus.RUNNING, jobs.listedStatus);
        assertEquals(10, jobs.listedLimit);
        List<String> lines = printed().lines().toList();
        assertEquals(2, lines.size(), printed());
        assertTrue(lines.get(1).matches("42 +RUNNING +primes +4/8 +50% +2025-05-01 09:58:00 +2m"), lines.get(1));
    }

    @Test
    void jobShowsTheJobAndKillKillsIt() throws Exception {
        jobs.jobs.put("42", FakeJobs.job("42", JobStatus.RUNNING, 0.5, Map.of(TaskStatus.RUNNING, 8), null, null));
        session.execute("colony:job 42");
        assertTrue(printed().startsWith("id         42\nstatus     RUNNING\n"), printed());
        out.reset();
        session.execute("colony:kill 42");
        assertEquals(List.of("42: killed with colony:kill"), jobs.killed);
        assertEquals("job 42: KILLED\n", printed());
        out.reset();
        session.execute("colony:kill 42");
        assertEquals("job 42 had already ended: KILLED; nothing to kill\n", printed());
    }

    @Test
    void anUnknownJobIdIsReported() {
        String unknown = "no job '99' on this manager (colony:jobs lists the jobs it knows; finished jobs are forgotten after "
                + "the retention period)";
        assertEquals("colony:job: " + unknown, failureOf("colony:job 99"));
        assertEquals("colony:kill: " + unknown, failureOf("colony:kill 99"));
        assertTrue(jobs.killed.isEmpty());
    }

    @Test
    void jobAndKillNeedExactlyOneId() {
        assertEquals("colony:job: missing <id>\n" + Usage.JOB.text(), failureOf("colony:job"));
        assertEquals("colony:kill: unexpected argument '43'\n" + Usage.KILL.text(), failureOf("colony:kill 42 43"));
    }

    @Test
    void workersListsTheManagersWorkers() throws Exception {
        jobs.workers.add(WorkersCommandTest.worker("alpha", true, MemberState.AVAILABLE, 4, 2, "primes"));
        session.execute("colony:workers");
        assertEquals(List.of("ID     LOCAL  STATE      CORES  LOAD  SLOTS  PLUGINS", "alpha  yes    available  4/8    1.50  2/4    primes 1.0.0"),
                printed().lines().toList());
        assertTrue(failureOf("colony:workers --all").startsWith("colony:workers: unexpected argument '--all'\nusage: colony:workers"));
    }

    @Test
    void helpPrintsTheUsageWithoutAManager() throws Exception {
        commands.jobService = null;
        for (String command : List.of("submit", "jobs", "job", "kill", "workers")) {
            out.reset();
            session.execute("colony:" + command + " --help");
            assertTrue(printed().startsWith("usage: colony:" + command), printed());
        }
    }
}
