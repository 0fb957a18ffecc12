package io.colony.sandbox.internal.run;

import static io.colony.sandbox.internal.run.Programs.plugin;
import static io.colony.sandbox.internal.run.RunnerFixture.generous;
import static io.colony.sandbox.internal.run.RunnerFixture.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.source.LimitExceededException;
import io.colony.api.source.LimitExceededException.Limit;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceCode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Runs that go past a limit are stopped, whatever the program does to resist. */
class LimitsTest {

    private static final RunnerFixture SANDBOX = new RunnerFixture();
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final long MEMORY = 64L << 20;

    @AfterAll
    static void close() {
        SANDBOX.close();
    }

    private static LimitExceededException exceeded(SourceCode source, SandboxPolicy policy) {
        return assertThrows(LimitExceededException.class, () -> SANDBOX.run(source, "", policy));
    }

    private static SandboxPolicy wallTime(Duration wallTime) {
        return policy(wallTime, LONG, 256L << 20, 1 << 20, 1 << 16);
    }

    @Test
    void anEndlessLoopStopsAtTheWallTimeLimit() throws Exception {
        PreparedProgram endless = SANDBOX.preparer.prepare(plugin("        while (true) { }"), List.of());
        long start = System.nanoTime();
        LimitExceededException thrown = assertThrows(LimitExceededException.class,
                () -> SANDBOX.runner.run(endless, Payload.empty(), new TestContext(), wallTime(Duration.ofMillis(300))));
        assertEquals(Limit.WALL_TIME, thrown.limit());
        assertEquals("the run took longer than its wall-time limit of 300 ms (source.wall.seconds in etc/io.colony.trust.cfg)", thrown.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void anEndlessLoopStopsAtTheCpuTimeLimit() {
        LimitExceededException thrown = exceeded(plugin("        long n = 0; while (true) { n++; }"),
                policy(LONG, Duration.ofMillis(200), 256L << 20, 1 << 20, 1 << 16));
        assertEquals(Limit.CPU_TIME, thrown.limit());
        assertTrue(thrown.getMessage().contains("source.cpu.seconds"), thrown.getMessage());
    }

    @Test
    void catchingThrowableAroundALoopCannotSwallowTheStopAndFinallyDoesNotRun() throws Exception {
        String body = String.join("\n",
                "        int swallowed = 0;",
                "        while (true) {",
                "            try { while (true) { } }",
                "            catch (Throwable t) { swallowed++; context.logger().log(System.Logger.Level.INFO, \"swallowed \" + t); }",
                "            finally { context.logger().log(System.Logger.Level.INFO, \"finally ran\"); }",
                "        }");
        TestContext context = new TestContext();
        LimitExceededException thrown = assertThrows(LimitExceededException.class,
                () -> SANDBOX.run(plugin(body), Payload.empty(), context, wallTime(Duration.ofMillis(300))));
        assertEquals(Limit.WALL_TIME, thrown.limit());
        assertEquals(List.of(), context.lines);
    }

    @Test
    void aStopCannotBeHeldUpByAHandlerThatLoopsOrRecurses() {
        String members = "    static int retry(int n) { try { while (true) { } } catch (Throwable t) { return retry(n + 1); } }";
        LimitExceededException thrown = exceeded(plugin("        return Payload.text(\"\" + retry(0));", members), wallTime(Duration.ofMillis(300)));
        assertEquals(Limit.WALL_TIME, thrown.limit());
    }

    @Test
    void aHugeArrayIsRefusedBeforeItIsAllocated() throws Exception {
        PreparedProgram huge = SANDBOX.preparer.prepare(plugin("        long[] big = new long[1 << 30]; return Payload.text(\"\" + big.length);"),
                List.of());
        long start = System.nanoTime();
        LimitExceededException thrown = assertThrows(LimitExceededException.class,
                () -> SANDBOX.runner.run(huge, Payload.empty(), new TestContext(), policy(LONG, LONG, MEMORY, 1 << 20, 1 << 16)));
        assertEquals(Limit.MEMORY, thrown.limit());
        assertEquals("an array of 8 GiB would take the run past its memory limit of 64 MiB (source.memory.mb in etc/io.colony.trust.cfg);"
                + " it was not allocated", thrown.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void aHugeMultiDimensionalArrayIsRefusedBeforeItIsAllocated() {
        LimitExceededException thrown = exceeded(plugin("        int[][][] cube = new int[1024][1024][64]; return Payload.text(\"\" + cube.length);"),
                policy(LONG, LONG, MEMORY, 1 << 20, 1 << 16));
        assertEquals(Limit.MEMORY, thrown.limit());
        assertEquals("an array of 276 MiB would take the run past its memory limit of 64 MiB (source.memory.mb in etc/io.colony.trust.cfg);"
                + " it was not allocated", thrown.getMessage());
    }

    @Test
    void manySmallAllocationsStopAtTheMemoryLimit() {
        String body = "        List<int[]> kept = new ArrayList<>(); while (true) { kept.add(new int[256]); }";
        LimitExceededException thrown = exceeded(plugin(body), policy(LONG, LONG, MEMORY, 1 << 20, 1 << 16));
        assertEquals(Limit.MEMORY, thrown.limit());
        assertEquals("the run allocated more than its memory limit of 64 MiB (source.memory.mb in etc/io.colony.trust.cfg)", thrown.getMessage());
    }

    @Test
    void allocationsInsideJdkCallsStopAtTheMemoryLimit() {
        LimitExceededException thrown = exceeded(plugin("        String s = \"x\"; while (true) { s = s + s; }"),
                policy(LONG, LONG, MEMORY, 1 << 20, 1 << 16));
        assertEquals(Limit.MEMORY, thrown.limit());
    }

    @Test
    void aRecursionTooDeepIsAStackLimit() {
        LimitExceededException thrown = exceeded(plugin("        return Payload.text(\"\" + deep(0));", "    static int deep(int n) { return deep(n + 1) + 1; }"),
                generous());
        assertEquals(Limit.STACK, thrown.limit());
        assertTrue(thrown.getMessage().startsWith("the run overflowed its thread's stack (a recursion too deep?) (at demo.Main.deep(Main.java:"),
                thrown.getMessage());
    }

    @Test
    void aResultLargerThanTheLimitIsRefused() {
        LimitExceededException thrown = exceeded(plugin("        return Payload.of(new byte[3 << 20], Payload.BINARY);"),
                policy(LONG, LONG, 256L << 20, 1 << 20, 1 << 16));
        assertEquals(Limit.RESULT_SIZE, thrown.limit());
        assertEquals("the result of 3 MiB is larger than the limit of 1 MiB (source.result.kb in etc/io.colony.trust.cfg)", thrown.getMessage());
    }

    @Test
    void loggingPastTheLimitStopsTheRunAndTheLastLineIsNotWritten() throws Exception {
        String body = "        for (int i = 0; ; i++) context.logger().log(System.Logger.Level.INFO, \"line \" + i + \" \" + \"x\".repeat(90));";
        TestContext context = new TestContext();
        LimitExceededException thrown = assertThrows(LimitExceededException.class,
                () -> SANDBOX.run(plugin(body), Payload.empty(), context, policy(LONG, LONG, 256L << 20, 1 << 20, 1000)));
        assertEquals(Limit.LOG_SIZE, thrown.limit());
        assertEquals("the run logged more than its limit of 1000 bytes (source.log.kb in etc/io.colony.trust.cfg)", thrown.getMessage());
        assertEquals(10, context.lines.size(), context.lines.toString());
    }

    @Test
    void anExceptionOfTheProgramSaysWhatItThrewAndWhere() {
        PluginException thrown = assertThrows(PluginException.class,
                () -> SANDBOX.run(plugin("        throw new IllegalStateException(\"broken: \" + input.asText());"), "x", generous()));
        assertEquals("demo.Main threw java.lang.IllegalStateException: broken: x (at demo.Main.execute(Main.java:9))", thrown.getMessage());
        assertEquals(null, thrown.getCause());
    }

    @Test
    void aPluginExceptionOfTheProgramKeepsItsMessage() {
        PluginException thrown = assertThrows(PluginException.class,
                () -> SANDBOX.run(plugin("        throw new PluginException(\"width: must be positive\");"), "", generous()));
        assertEquals("width: must be positive", thrown.getMessage());
    }

    @Test
    void anExceptionInAStaticInitialiserSaysSo() {
        PluginException thrown = assertThrows(PluginException.class, () -> SANDBOX.run(
                plugin("        return Payload.text(\"\" + LIMIT);", "    static final int LIMIT = Integer.parseInt(\"many\");"), "", generous()));
        assertTrue(thrown.getMessage().startsWith("a static initialiser of demo.Main threw java.lang.NumberFormatException: For input string:"),
                thrown.getMessage());
    }

    @Test
    void aProgramThatReturnsNullFails() {
        PluginException thrown = assertThrows(PluginException.class, () -> SANDBOX.run(plugin("        return null;"), "", generous()));
        assertEquals("demo.Main returned null; execute must return a Payload", thrown.getMessage());
    }

    @Test
    void aCancelledTaskStopsTheRun() throws Exception {
        TestContext context = new TestContext();
        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(() -> context.cancelled = true);
        InterruptedException thrown = assertThrows(InterruptedException.class,
                () -> SANDBOX.run(plugin("        while (true) { }"), Payload.empty(), context, generous()));
        assertEquals("the task was cancelled", thrown.getMessage());
    }

    @Test
    void interruptingTheCallerStopsTheRun() throws Exception {
        AtomicReference<Thread> caller = new AtomicReference<>();
        PreparedProgram endless = SANDBOX.preparer.prepare(plugin("        while (true) { }"), List.of());
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            caller.set(Thread.currentThread());
            try {
                SANDBOX.runner.run(endless, Payload.empty(), new TestContext(), generous());
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        while (caller.get() == null) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        caller.get().interrupt();
        Throwable thrown = outcome.get(10, TimeUnit.SECONDS);
        assertTrue(thrown instanceof InterruptedException, String.valueOf(thrown));
    }

    @Test
    void aRunStuckInAJdkCallIsAbandonedAndNewRunsAreRefusedUntilItEnds() throws Exception {
        try (RunnerFixture sandbox = new RunnerFixture(1, 1)) {
            // catastrophic backtracking inside one JDK call, where no guard ticks: about 10 s on a 2024 laptop core
            SourceCode regex = plugin("        boolean matched = java.util.regex.Pattern.matches(\"(.*a){12}x\", \"a\".repeat(33));\n"
                    + "        context.logger().log(System.Logger.Level.INFO, \"after the stuck call\"); return Payload.text(\"\" + matched);");
            TestContext context = new TestContext();
            LimitExceededException thrown = assertThrows(LimitExceededException.class,
                    () -> sandbox.run(regex, Payload.empty(), context, wallTime(Duration.ofMillis(200))));
            assertEquals(Limit.WALL_TIME, thrown.limit());
            assertTrue(thrown.getMessage().contains("did not stop within 300 ms (it is inside a JDK call that the sandbox cannot interrupt) and was"
                    + " abandoned; 1 abandoned in all"), thrown.getMessage());
            assertEquals(1, sandbox.runner.abandoned());

            SourceCode quick = plugin("        return Payload.text(\"quick\");");
            PluginException refused = assertThrows(PluginException.class, () -> sandbox.run(quick, "", generous()));
            assertTrue(refused.getMessage().startsWith("the in-process source sandbox refuses new work: 1 earlier task is still running past its"
                    + " limit and could not be stopped"), refused.getMessage());
            assertTrue(refused.getMessage().endsWith("(abandoned.max in etc/io.colony.sandbox.cfg); to isolate each run in a child JVM"
                    + " instead, set source.isolation = process in etc/io.colony.trust.cfg"), refused.getMessage());

            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (sandbox.runner.abandoned() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, sandbox.runner.abandoned(), "the stuck run ended when the JDK call returned");
            assertEquals(List.of(), context.lines, "the abandoned run reached nothing of the task's context once its call returned");
            assertEquals("quick", sandbox.run(quick, "", generous()).asText());
        }
    }

    @Test
    void aStoppedRunLeavesNoThreadBehind() throws Exception {
        // runs of other tests in this JVM may have left threads stuck in JDK calls (abandoned, as they should be): only new ones count
        java.util.Set<Thread> before = sandboxThreads();
        assertThrows(LimitExceededException.class, () -> SANDBOX.run(plugin("        while (true) { }"), "", wallTime(Duration.ofMillis(100))));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!newThreads(before).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(java.util.Set.of(), newThreads(before));
    }

    private static java.util.Set<Thread> sandboxThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("in-process source sandbox"))
                .collect(java.util.stream.Collectors.toSet());
    }

    private static java.util.Set<Thread> newThreads(java.util.Set<Thread> before) {
        java.util.Set<Thread> now = sandboxThreads();
        now.removeAll(before);
        return now;
    }

    static <T> T unwrap(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }
}
