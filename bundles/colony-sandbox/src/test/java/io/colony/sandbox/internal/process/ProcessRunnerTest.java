package io.colony.sandbox.internal.process;

import static io.colony.sandbox.internal.run.Programs.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.source.Isolation;
import io.colony.api.source.LimitExceededException;
import io.colony.api.source.LimitExceededException.Limit;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceCode;
import io.colony.api.source.VerificationException;
import io.colony.sandbox.internal.process.protocol.FrameType;
import io.colony.sandbox.internal.process.protocol.RunRequest;
import io.colony.sandbox.internal.run.PreparedProgram;
import io.colony.sandbox.internal.run.TestContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs in a child JVM: right results, and every limit ends with the child gone. */
class ProcessRunnerTest {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static final String ENDLESS = "        long n = 0; while (true) { n++; }";
    /** Endless, after it told its progress: the test then knows that it runs. */
    private static final String RUNS_ENDLESSLY = "        context.progress(0.5); long n = 0; while (true) { n++; }";

    @TempDir
    Path work;

    private final ChildProcesses children = new ChildProcesses();
    private ProcessIsolation isolation;

    private ProcessIsolation isolation(ProcessSettings settings) {
        isolation = new ProcessIsolation(settings, new CodeSourceClassPath(), children::add);
        return isolation;
    }

    private ProcessIsolation isolation() {
        return isolation(ProcessSettings.defaults(work));
    }

    @AfterEach
    void close() throws Exception {
        if (isolation != null) {
            isolation.close();
        }
        children.awaitAllGone(Duration.ofSeconds(5));
        ChildProcesses.assertEmpty(work);
    }

    static SandboxPolicy policy(Duration wallTime, Duration cpuTime, long memoryBytes, int resultBytes, int logBytes) {
        return new SandboxPolicy(Isolation.PROCESS, wallTime, cpuTime, memoryBytes, resultBytes, logBytes, List.of());
    }

    static SandboxPolicy generous() {
        return policy(LONG, LONG, 128L << 20, 1 << 20, 1 << 16);
    }

    private Payload run(SourceCode source, Payload input, TestContext context, SandboxPolicy policy) throws Exception {
        PreparedProgram program = isolation.preparer().prepare(source, List.of());
        return isolation.runner().run(program, input, context, policy);
    }

    private LimitExceededException exceeded(SourceCode source, SandboxPolicy policy) {
        return assertThrows(LimitExceededException.class, () -> run(source, Payload.empty(), new TestContext(), policy));
    }

    @Test
    void aCorrectProgramGivesTheRightResultWithItsProgressLogAndJson() throws Exception {
        isolation();
        String members = String.join("\n",
                "    record Request(int n, List<String> words) { }",
                "    record Answer(String factorial, Map<Integer, List<String>> byLength, String joined, double root) { }");
        String body = String.join("\n",
                "        Request r = context.json().decode(input, Request.class);",
                "        java.math.BigInteger f = java.math.BigInteger.ONE;",
                "        for (int i = 2; i <= r.n(); i++) { f = f.multiply(java.math.BigInteger.valueOf(i)); context.progress(i, r.n()); }",
                "        Map<Integer, List<String>> byLength = r.words().stream().collect(Collectors.groupingBy(String::length, TreeMap::new,",
                "                Collectors.toList()));",
                "        String joined = new StringBuilder(String.join(\"-\", r.words())).reverse().toString().toUpperCase(Locale.ROOT);",
                "        context.logger().log(System.Logger.Level.INFO, \"{0} words\", r.words().size());",
                "        return context.json().encode(new Answer(f.toString(), byLength, joined, Math.sqrt(2)));");
        TestContext context = new TestContext();
        Payload result = run(plugin(body, members), Payload.json("{\"n\":25,\"words\":[\"fox\",\"jumps\",\"dog\",\"a\"]}"), context, generous());

        assertEquals(Payload.JSON, result.contentType());
        assertEquals("{\"factorial\":\"15511210043330985984000000\",\"byLength\":{\"1\":[\"a\"],\"3\":[\"fox\",\"dog\"],\"5\":[\"jumps\"]},"
                + "\"joined\":\"A-GOD-SPMUJ-XOF\",\"root\":" + Math.sqrt(2) + "}", result.asText());
        assertEquals(List.of("INFO 4 words"), context.lines);
        assertFalse(context.progress.isEmpty());
        assertEquals(1.0, context.progress.get(context.progress.size() - 1));
        ProcessHandle child = children.started.get(children.started.size() - 1);
        assertFalse(child.isAlive(), "the child of the run is gone");
    }

    @Test
    void theChildHasAnEmptyEnvironmentNoSocketItsOwnHeapAndItsOwnDirectory() throws Exception {
        isolation();
        TestContext context = new TestContext();
        CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> {
            try {
                return run(plugin(RUNS_ENDLESSLY), Payload.empty(), context, policy(Duration.ofSeconds(3), LONG, 64L << 20, 1 << 20, 1 << 16));
            } catch (Exception e) {
                return e;
            }
        });
        ProcessHandle child = awaitRunning(context);
        byte[] environment = Files.readAllBytes(Path.of("/proc/" + child.pid() + "/environ"));
        String commandLine = new String(Files.readAllBytes(Path.of("/proc/" + child.pid() + "/cmdline")), StandardCharsets.UTF_8)
                .replace('\0', ' ');
        Path directory = Files.readSymbolicLink(Path.of("/proc/" + child.pid() + "/cwd"));
        List<String> sockets;
        try (var descriptors = Files.list(Path.of("/proc/" + child.pid() + "/fd"))) {
            sockets = descriptors.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (java.io.IOException e) {
                    return "";
                }
            }).filter(target -> target.startsWith("socket:")).toList();
        }

        assertEquals(0, environment.length, "environment: " + new String(environment, StandardCharsets.UTF_8));
        assertTrue(commandLine.contains("-Xmx65536k"), commandLine);
        assertTrue(commandLine.contains("-XX:+DisableAttachMechanism"), commandLine);
        assertTrue(commandLine.contains("-Djava.io.tmpdir=" + directory.resolve("tmp")), commandLine);
        assertEquals(work.toRealPath(), directory.getParent());
        assertEquals(List.of(), sockets, "the child inherited no socket of the worker");
        assertTrue(run.get(10, TimeUnit.SECONDS) instanceof LimitExceededException);
        assertFalse(Files.exists(directory), "the child's directory is removed");
    }

    @Test
    void anEndlessLoopStopsAtTheWallTimeAndTheChildIsGone() {
        isolation();
        long start = System.nanoTime();
        LimitExceededException thrown = exceeded(plugin("        while (true) { }"), policy(Duration.ofSeconds(1), LONG, 64L << 20, 1 << 20, 1 << 16));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Limit.WALL_TIME, thrown.limit());
        assertTrue(thrown.getMessage().contains("wall-time limit of 1 s (source.wall.seconds"), thrown.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, "took " + took);
        children.assertAllGone();
    }

    @Test
    void anEndlessLoopStopsAtTheCpuTime() {
        isolation();
        LimitExceededException thrown = exceeded(plugin(ENDLESS), policy(LONG, Duration.ofMillis(500), 64L << 20, 1 << 20, 1 << 16));
        assertEquals(Limit.CPU_TIME, thrown.limit());
        assertTrue(thrown.getMessage().contains("source.cpu.seconds"), thrown.getMessage());
        children.assertAllGone();
    }

    @Test
    void anAllocationBombEndsAsMemoryWithTheChildGoneAndThisJvmUnharmed() throws Exception {
        isolation();
        String bomb = "        List<long[]> kept = new ArrayList<>(); while (true) { kept.add(new long[1 << 16]); }";
        LimitExceededException thrown = exceeded(plugin(bomb), policy(LONG, LONG, 64L << 20, 1 << 20, 1 << 16));
        assertEquals(Limit.MEMORY, thrown.limit());
        assertEquals("the run needed more heap than its child JVM's limit of 64 MiB (source.memory.mb in etc/io.colony.trust.cfg)", thrown.getMessage());
        children.assertAllGone();
        assertEquals("385", run(plugin("        return Payload.text(\"\" + (1*1 + 2*2 + 3*3 + 4*4 + 5*5 + 6*6 + 7*7 + 8*8 + 9*9 + 10*10));"),
                Payload.empty(), new TestContext(), generous()).asText());
    }

    @Test
    void aHugeArrayEndsAsMemory() {
        isolation();
        LimitExceededException thrown = exceeded(plugin("        long[] big = new long[1 << 30]; return Payload.text(\"\" + big.length);"),
                policy(LONG, LONG, 64L << 20, 1 << 20, 1 << 16));
        assertEquals(Limit.MEMORY, thrown.limit());
    }

    @Test
    void garbageBeyondTheHeapIsNoLimitInAChild() throws Exception {
        isolation();
        String churn = "        long sum = 0; for (int i = 0; i < 2000; i++) { long[] a = new long[1 << 14]; sum += a.length; } return Payload.text(\"\" + sum);";
        assertEquals(String.valueOf(2000L << 14), run(plugin(churn), Payload.empty(), new TestContext(), policy(LONG, LONG, 32L << 20, 1 << 20, 1 << 16))
                .asText(), "256 MiB allocated in all, within a heap of 32 MiB");
    }

    @Test
    void anOutputFloodEndsAsLogSize() {
        isolation();
        TestContext context = new TestContext();
        String flood = "        for (int i = 0; ; i++) context.logger().log(System.Logger.Level.INFO, \"line \" + i + \" \" + \"x\".repeat(90));";
        LimitExceededException thrown = assertThrows(LimitExceededException.class,
                () -> run(plugin(flood), Payload.empty(), context, policy(LONG, LONG, 64L << 20, 1 << 20, 1000)));
        assertEquals(Limit.LOG_SIZE, thrown.limit());
        assertEquals("the run logged more than its limit of 1000 bytes (source.log.kb in etc/io.colony.trust.cfg)", thrown.getMessage());
        assertEquals(10, context.lines.size(), context.lines.toString());
        children.assertAllGone();
    }

    @Test
    void aHugeResultEndsAsResultSize() {
        isolation();
        LimitExceededException thrown = exceeded(plugin("        return Payload.of(new byte[3 << 20], Payload.BINARY);"),
                policy(LONG, LONG, 64L << 20, 1 << 20, 1 << 16));
        assertEquals(Limit.RESULT_SIZE, thrown.limit());
        assertTrue(thrown.getMessage().contains("source.result.kb"), thrown.getMessage());
    }

    @Test
    void anExceptionOfTheProgramIsAPluginExceptionSayingWhatItThrew() {
        isolation();
        PluginException thrown = assertThrows(PluginException.class,
                () -> run(plugin("        throw new IllegalStateException(\"no \" + input.asText());"), Payload.text("way"), new TestContext(), generous()));
        assertTrue(thrown.getMessage().startsWith("demo.Main threw java.lang.IllegalStateException: no way (at demo.Main.execute(Main.java:"),
                thrown.getMessage());
    }

    @Test
    void cancellationStopsTheChildWithinTwoSeconds() throws Exception {
        isolation();
        TestContext context = new TestContext();
        CompletableFuture<Exception> run = CompletableFuture.supplyAsync(() -> {
            try {
                run(plugin(RUNS_ENDLESSLY), Payload.empty(), context, generous());
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        ProcessHandle child = awaitRunning(context);
        long cancelled = System.nanoTime();
        context.cancelled = true;
        Exception thrown = run.get(10, TimeUnit.SECONDS);
        child.onExit().get(2, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - cancelled);
        assertTrue(thrown instanceof InterruptedException, String.valueOf(thrown));
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "took " + took);
        children.assertAllGone();
    }

    @Test
    void interruptingTheCallerStopsTheChild() throws Exception {
        isolation();
        Thread caller = Thread.currentThread();
        TestContext context = new TestContext();
        CompletableFuture.runAsync(() -> {
            try {
                awaitRunning(context);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            caller.interrupt();
        });
        assertThrows(InterruptedException.class, () -> run(plugin(RUNS_ENDLESSLY), Payload.empty(), context, generous()));
        children.awaitAllGone(Duration.ofSeconds(2));
    }

    @Test
    void aChildThatDiesGivesAClearFailureWithItsExitCode() throws Exception {
        isolation();
        TestContext context = new TestContext();
        CompletableFuture.runAsync(() -> {
            try {
                awaitRunning(context).destroyForcibly();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        PluginException thrown = assertThrows(PluginException.class, () -> run(plugin(RUNS_ENDLESSLY), Payload.empty(), context, generous()));
        assertEquals("the child JVM running demo.Main failed: it was killed (signal 9, SIGKILL), perhaps by the operating system for lack of memory",
                thrown.getMessage());
    }

    @Test
    void aChildWhoseWorkerIsGoneEndsByItselfWhetherWarmOrRunning() throws Exception {
        ProcessSettings settings = ProcessSettings.defaults(work);
        try (ChildLauncher launcher = new ChildLauncher(settings, new CodeSourceClassPath(), children::add)) {
            Child warm = launcher.launch(64L << 20);
            warm.closeInput();
            assertEquals(0, warm.awaitExit(Duration.ofSeconds(5)).orElseThrow(), "a warm child ends normally");

            Child running = launcher.launch(64L << 20);
            running.expect(RunAnswer.limits(generous()));
            PreparedProgram endless = prepared(RUNS_ENDLESSLY);
            running.sendInBackground(new RunRequest("task-1", endless, Payload.empty(), generous()).toFrame());
            ChildEvent event = running.poll(Duration.ofSeconds(20));
            assertTrue(event instanceof ChildEvent.Arrived arrived && arrived.frame().type() == FrameType.PROGRESS, String.valueOf(event));
            running.closeInput();
            assertTrue(running.awaitExit(Duration.ofSeconds(5)).isPresent(), "a running child ends when its worker is gone");
            warm.close();
            running.close();
        }
    }

    @Test
    void aChildThatCannotStartGivesAClearFailureWithItsLastOutput() {
        isolation = new ProcessIsolation(ProcessSettings.defaults(work), () -> List.of(work.resolve("nothing-here.jar")), children::add);
        PluginException thrown = assertThrows(PluginException.class,
                () -> isolation.runner().run(prepared(), Payload.empty(), new TestContext(), generous()));
        assertTrue(thrown.getMessage().startsWith("the sandbox could not start a child JVM to run demo.Main: the child JVM "), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("its last output: Error: Could not find or load main class " + JavaCommand.MAIN_CLASS),
                thrown.getMessage());
    }

    @Test
    void sourceThatBreaksTheAllowlistIsRefusedByTheWorkerAfterTheChildCompiledIt() {
        isolation();
        SourceCode reads = plugin("        return Payload.text(new java.io.File(\"/etc/passwd\").getName());");
        VerificationException thrown = assertThrows(VerificationException.class, () -> isolation.preparer().prepare(reads, List.of()));
        assertTrue(thrown.getMessage().contains("java.io.File"), thrown.getMessage());
        assertEquals(1, children.started.size(), "one child compiled it");
    }

    @Test
    void atMostMaxChildrenRunAtOnceAndAFurtherRunWaitsAtMostItsWallTime() throws Exception {
        isolation(ProcessSettings.defaults(work).withMaxChildren(1));
        PreparedProgram endless = isolation.preparer().prepare(plugin(RUNS_ENDLESSLY), List.of());
        TestContext context = new TestContext();
        CompletableFuture<Exception> first = CompletableFuture.supplyAsync(() -> {
            try {
                isolation.runner().run(endless, Payload.empty(), context, policy(Duration.ofSeconds(3), LONG, 64L << 20, 1 << 20, 1 << 16));
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        awaitRunning(context);
        PluginException refused = assertThrows(PluginException.class, () -> isolation.runner().run(endless, Payload.empty(), new TestContext(),
                policy(Duration.ofMillis(500), LONG, 64L << 20, 1 << 20, 1 << 16)));
        assertTrue(refused.getMessage().startsWith("all 1 child JVMs of the sandbox are busy (process.children.max in etc/io.colony.sandbox.cfg)"), refused.getMessage());
        assertTrue(first.get(10, TimeUnit.SECONDS) instanceof LimitExceededException);
    }

    @Test
    void aWarmChildStartedBeforeTheRunTakesIt() throws Exception {
        isolation(ProcessSettings.defaults(work).withWarmChildren(1));
        PreparedProgram program = isolation.preparer().prepare(plugin("        return Payload.text(\"ok\");"), List.of());
        assertEquals("ok", isolation.runner().run(program, Payload.empty(), new TestContext(), generous()).asText());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (children.started.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(3, children.started.size(), "the compiling child, the first run's and a warm one");
        ProcessHandle warm = children.started.get(2);
        Thread.sleep(500);
        assertTrue(warm.isAlive(), "the warm child waits");
        assertFalse(children.started.get(1).isAlive(), "the first run's child is gone");
        assertEquals("ok", isolation.runner().run(program, Payload.empty(), new TestContext(), generous()).asText());
        warm.onExit().get(2, TimeUnit.SECONDS);
        assertFalse(warm.isAlive(), "the warm child ran the second task and is gone");
    }

    private PreparedProgram prepared() throws Exception {
        return prepared("        return Payload.text(\"ok\");");
    }

    private PreparedProgram prepared(String body) throws Exception {
        try (ProcessIsolation compiling = new ProcessIsolation(ProcessSettings.defaults(work), new CodeSourceClassPath())) {
            return compiling.preparer().prepare(plugin(body), List.of());
        }
    }

    /** The child of the run that reports progress to this context, once it has. */
    private ProcessHandle awaitRunning(TestContext context) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (context.progress.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the program did not start: " + children.started);
            }
            Thread.sleep(10);
        }
        return children.started.get(children.started.size() - 1);
    }
}
