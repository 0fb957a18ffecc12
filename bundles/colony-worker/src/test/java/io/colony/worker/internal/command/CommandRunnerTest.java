package io.colony.worker.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.trust.Decision;
import io.colony.api.trust.Request;
import io.colony.api.trust.TrustPolicy;
import io.colony.api.worker.CommandResult;
import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskFailedException.Reason;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

class CommandRunnerTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final long WAIT_SECONDS = 10;
    /** Writes the shell's pid and a background child's pid, then waits in the foreground. */
    private static final String TREE = "echo $$ > shell.pid; sleep 30 & echo $! > child.pid; sleep 30";

    @TempDir
    Path directory;

    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final List<Request> asked = Collections.synchronizedList(new ArrayList<>());
    private final TrustPolicy allowAll = request -> {
        asked.add(request);
        return Decision.allow("commands are enabled (test)");
    };
    private final List<CommandRunner> runners = new ArrayList<>();

    @AfterEach
    void closeRunners() {
        runners.forEach(CommandRunner::close);
    }

    @Test
    void echoesToStdoutAndStderrWithExitCodeZero() throws Exception {
        CommandResult result = await(runner(allowAll, 4).run("echo out; echo err >&2", MINUTE));

        assertEquals(0, result.exitCode());
        assertTrue(result.succeeded());
        assertEquals("out\n", result.stdout());
        assertEquals("err\n", result.stderr());
        assertFalse(result.stdoutTruncated());
        assertFalse(result.stderrTruncated());
        assertTrue(result.elapsed().compareTo(Duration.ZERO) > 0);
        assertTrue(logged.stream().anyMatch(line -> line.startsWith("info ") && line.contains("exited with code")), logged.toString());
    }

    @Test
    void runsInTheWorkingDirectoryWithStdinEmpty() throws Exception {
        CommandResult result = await(runner(allowAll, 4).run("pwd; cat; echo end", MINUTE));

        assertEquals(directory.toRealPath() + "\nend\n", result.stdout());
    }

    @Test
    void nonZeroExitCodeIsAResultNotAFailure() throws Exception {
        CommandResult result = await(runner(allowAll, 4).run("echo failing >&2; exit 3", MINUTE));

        assertEquals(3, result.exitCode());
        assertFalse(result.succeeded());
        assertEquals("failing\n", result.stderr());
    }

    @Test
    void outputBeyondOneMebibyteIsDroppedWithAMarker() throws Exception {
        CommandResult result = await(runner(allowAll, 4).run("head -c 3000000 /dev/zero | tr '\\0' a; echo small >&2", MINUTE));

        long dropped = 3_000_000L - CommandResult.MAX_OUTPUT_BYTES;
        assertTrue(result.stdoutTruncated());
        assertFalse(result.stderrTruncated());
        assertTrue(result.stdout().endsWith("\n[... " + dropped + " bytes dropped]"), result.stdout().substring(result.stdout().length() - 60));
        assertEquals("a".repeat(CommandResult.MAX_OUTPUT_BYTES), result.stdout().substring(0, CommandResult.MAX_OUTPUT_BYTES));
        assertEquals("small\n", result.stderr());
    }

    @Test
    void deniedCommandIsRejectedWithThePolicysReasonAndNeverStarted() throws Exception {
        TrustPolicy denyAll = request -> {
            asked.add(request);
            return Decision.deny("shell commands are disabled: set commands.enabled=true in etc/io.colony.trust.cfg");
        };
        Path marker = directory.resolve("marker");

        TaskFailedException failure = failure(runner(denyAll, 4).run("touch marker", MINUTE));

        assertEquals(Reason.REJECTED, failure.reason());
        assertEquals("shell commands are disabled: set commands.enabled=true in etc/io.colony.trust.cfg", failure.getMessage());
        assertEquals(List.of(new Request.RunCommand("touch marker")), asked);
        Thread.sleep(200);
        assertFalse(Files.exists(marker));
    }

    @Test
    void trustPolicyIsAskedForEveryCommand() throws Exception {
        CommandRunner runner = runner(allowAll, 4);

        await(runner.run("true", MINUTE));
        await(runner.run("true", MINUTE));
        await(runner.run("exit 1", MINUTE));

        assertEquals(List.of(new Request.RunCommand("true"), new Request.RunCommand("true"), new Request.RunCommand("exit 1")), asked);
    }

    @Test
    void failingTrustPolicyDeniesTheCommand() throws Exception {
        TrustPolicy broken = request -> {
            throw new IllegalStateException("bug in policy");
        };

        TaskFailedException failure = failure(runner(broken, 4).run("touch marker", MINUTE));

        assertEquals(Reason.REJECTED, failure.reason());
        assertFalse(Files.exists(directory.resolve("marker")));
    }

    @Test
    void timeoutFailsAsTimeoutAndDestroysTheProcessAndItsChild() throws Exception {
        CommandRunner runner = runner(allowAll, 4);

        TaskFailedException failure = failure(runner.run(TREE, Duration.ofMillis(500)));

        assertEquals(Reason.TIMEOUT, failure.reason());
        assertTreeGone();
        awaitNoRunningCommands(runner);
    }

    @Test
    void cancellingDestroysTheProcessTree() throws Exception {
        CommandRunner runner = runner(allowAll, 4);
        CompletableFuture<CommandResult> running = runner.run(TREE, MINUTE);
        awaitFile("child.pid");

        assertTrue(running.cancel(true));

        assertThrows(CancellationException.class, () -> running.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTreeGone();
        awaitNoRunningCommands(runner);
    }

    @Test
    void commandBeyondTheLimitIsRejectedAndTheSlotComesBack() throws Exception {
        CommandRunner runner = runner(allowAll, 1);
        CompletableFuture<CommandResult> first = runner.run("sleep 30", MINUTE);

        TaskFailedException failure = failure(runner.run("echo second", MINUTE));

        assertEquals(Reason.REJECTED, failure.reason());
        assertEquals("the worker is running its maximum of 1 commands", failure.getMessage());
        first.cancel(true);
        assertEquals("again\n", await(runner.run("echo again", MINUTE)).stdout());
    }

    @Test
    void closeFailsRunningCommandsAsRejectedAndDestroysThem() throws Exception {
        CommandRunner runner = runner(allowAll, 4);
        CompletableFuture<CommandResult> running = runner.run(TREE, MINUTE);
        awaitFile("child.pid");

        runner.close();

        TaskFailedException failure = failure(running);
        assertEquals(Reason.REJECTED, failure.reason());
        assertEquals("the worker is stopping", failure.getMessage());
        assertTreeGone();
        TaskFailedException after = failure(runner.run("echo late", MINUTE));
        assertEquals(Reason.REJECTED, after.reason());
        assertEquals("the worker is stopping", after.getMessage());
    }

    @Test
    void exitedCommandWhoseBackgroundChildHoldsTheOutputStillCompletes() throws Exception {
        CompletableFuture<CommandResult> running = runner(allowAll, 4).run("echo early; sleep 30 & echo $! > child.pid", MINUTE);

        CommandResult result = await(running);

        assertEquals(0, result.exitCode());
        assertEquals("early\n", result.stdout());
        ProcessHandle.of(readPid("child.pid")).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void invalidArgumentsAreRefusedAtOnce() {
        CommandRunner runner = runner(allowAll, 4);

        assertThrows(IllegalArgumentException.class, () -> runner.run(" ", MINUTE));
        assertThrows(IllegalArgumentException.class, () -> runner.run("true", Duration.ZERO));
        assertThrows(NullPointerException.class, () -> runner.run(null, MINUTE));
        assertTrue(asked.isEmpty());
    }

    @Test
    void loggedCommandIsQuotedAndCutTo200Characters() {
        assertEquals("\"echo hi\\nexit 2\"", CommandRunner.quote("echo hi\nexit 2"));
        String quoted = CommandRunner.quote("x".repeat(500));
        assertEquals("\"" + "x".repeat(200) + "...\"", quoted);
    }

    private CommandRunner runner(TrustPolicy trust, int maxCommands) {
        CommandRunner runner = new CommandRunner(trust, directory, maxCommands, logger());
        runners.add(runner);
        return runner;
    }

    private Logger logger() {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("is")) {
                        return true;
                    }
                    if (args != null && args.length > 0 && args[0] instanceof String format) {
                        logged.add(method.getName() + " " + format);
                    }
                    return method.getReturnType() == String.class ? "test" : null;
                });
    }

    private static CommandResult await(CompletableFuture<CommandResult> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static TaskFailedException failure(CompletableFuture<CommandResult> future) throws TimeoutException, InterruptedException {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(WAIT_SECONDS, TimeUnit.SECONDS));
        return assertInstanceOf(TaskFailedException.class, e.getCause());
    }

    private void awaitFile(String name) throws InterruptedException, IOException {
        Path file = directory.resolve(name);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!(Files.exists(file) && !Files.readString(file).isBlank())) {
            assertTrue(System.nanoTime() < deadline, "no " + name + " after " + WAIT_SECONDS + " s");
            Thread.sleep(20);
        }
    }

    private long readPid(String name) throws IOException, InterruptedException {
        awaitFile(name);
        return Long.parseLong(Files.readString(directory.resolve(name)).strip());
    }

    private void assertTreeGone() throws IOException, InterruptedException {
        for (String name : List.of("shell.pid", "child.pid")) {
            long pid = readPid(name);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (alive(pid)) {
                assertTrue(System.nanoTime() < deadline, "process " + pid + " (" + name + ") still alive after " + WAIT_SECONDS + " s");
                Thread.sleep(20);
            }
        }
    }

    /**
     * Whether the process still runs. A zombie does not: a killed grandchild is re-parented to the
     * init process, which (in some containers) reaps it late, and until then the JDK calls it alive.
     */
    private static boolean alive(long pid) throws IOException {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            return !text.substring(text.lastIndexOf(')') + 1).strip().startsWith("Z");
        } catch (IOException e) {
            return Files.exists(stat);
        }
    }

    private static void awaitNoRunningCommands(CommandRunner runner) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (runner.runningCommands() > 0) {
            assertTrue(System.nanoTime() < deadline, "commands still counted as running");
            Thread.sleep(20);
        }
    }
}
