package io.colony.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.JobSpec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskFailedException.Reason;
import io.colony.api.worker.TaskRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final long WAIT_SECONDS = 10;

    private final JacksonJsonCodec json = new JacksonJsonCodec();
    private final TestPlugins.RecordingLog log = new TestPlugins.RecordingLog();
    private final CountDownLatch release = new CountDownLatch(1);
    /** Counted down when a blocking plugin (or splitter) is running, not merely queued. */
    private final CountDownLatch entered = new CountDownLatch(1);
    private final AtomicBoolean sawCancellation = new AtomicBoolean();
    private final TestPlugins plugins = TestPlugins.create()
            .with("sum", "1.0.0", new TestPlugins.SumOfRange())
            .with("sum", "2.0.0", new TestPlugins.SumOfRange())
            .with("echo", "1.0.0", (input, context) -> {
                context.logger().log(System.Logger.Level.INFO, "echoing {0} bytes", input.size());
                return input;
            })
            .with("broken", "1.0.0", (input, context) -> {
                throw new IllegalStateException("bug in plugin");
            })
            .with("refusing", "1.0.0", (input, context) -> {
                throw new PluginException("width: must be positive");
            })
            .with("silent", "1.0.0", (input, context) -> null)
            .with("blocking", "1.0.0", (input, context) -> {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    sawCancellation.set(context.isCancelled());
                    throw e;
                }
                return input;
            });
    private TaskRunner runner = runner(2, 10);

    private TaskRunner runner(int slots, int queue) {
        return new TaskRunner(new WorkerSettings(slots, queue), plugins, json, log.logger);
    }

    @AfterEach
    void stop() {
        release.countDown();
        runner.close();
    }

    private static TaskRequest request(String plugin, String input) {
        return new TaskRequest(plugin, null, Payload.json(input), MINUTE);
    }

    private static TaskFailedException failure(CompletableFuture<?> future) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(WAIT_SECONDS, TimeUnit.SECONDS));
        return assertInstanceOf(TaskFailedException.class, e.getCause());
    }

    @Test
    void runsThePluginAndEndsProgressAtOne() throws Exception {
        List<Double> progress = new CopyOnWriteArrayList<>();
        Payload result = runner.run(request("sum", "{\"from\":1,\"to\":1000}"), progress::add).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals("{\"from\":1,\"to\":1000,\"sum\":500500}", result.asText());
        assertEquals(1.0, progress.get(progress.size() - 1));
    }

    @Test
    void picksTheNewestVersionInTheRequestedRange() throws Exception {
        assertEquals(2, plugins.lookup("sum", null).orElseThrow().version().getMajor());
        assertEquals(1, plugins.lookup("sum", "[1,2)").orElseThrow().version().getMajor());
        Payload result = runner.run(new TaskRequest("sum", "[1,2)", Payload.json("{\"from\":1,\"to\":3}"), MINUTE), p -> { })
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals("{\"from\":1,\"to\":3,\"sum\":6}", result.asText());
    }

    @Test
    void unknownPluginFailsNamingItAndWhatTheNodeHas() throws Exception {
        TaskFailedException e = failure(runner.run(request("nope", "{}"), p -> { }));
        assertEquals(Reason.UNKNOWN_PLUGIN, e.reason());
        assertTrue(e.getMessage().startsWith("no plugin 'nope' on this node; it has: sum 1.0.0"), e.getMessage());
    }

    @Test
    void versionOutsideEveryRangeIsAnUnknownPlugin() throws Exception {
        TaskFailedException e = failure(runner.run(new TaskRequest("sum", "[3,4)", Payload.json("{}"), MINUTE), p -> { }));
        assertEquals(Reason.UNKNOWN_PLUGIN, e.reason());
        assertTrue(e.getMessage().contains("in version range [3,4)"), e.getMessage());
    }

    @Test
    void malformedVersionRangeIsReportedAsSuch() throws Exception {
        TaskFailedException e = failure(runner.run(new TaskRequest("sum", "[1,", Payload.json("{}"), MINUTE), p -> { }));
        assertTrue(e.getMessage().contains("version range '[1,' is not valid OSGi syntax"), e.getMessage());
    }

    @Test
    void malformedInputFailsWithThePluginsMessage() throws Exception {
        TaskFailedException e = failure(runner.run(request("sum", "{\"from\":1,\"to\":\"ten\"}"), p -> { }));
        assertEquals(Reason.PLUGIN_ERROR, e.reason());
        assertEquals("to: 'ten' is not a valid number (long)", e.getMessage());
    }

    @Test
    void pluginExceptionBecomesAPluginError() throws Exception {
        TaskFailedException e = failure(runner.run(request("refusing", "{}"), p -> { }));
        assertEquals(Reason.PLUGIN_ERROR, e.reason());
        assertEquals("width: must be positive", e.getMessage());
    }

    @Test
    void unexpectedExceptionIsReportedAndLoggedAndThePoolKeepsWorking() throws Exception {
        TaskFailedException e = failure(runner.run(request("broken", "{}"), p -> { }));
        assertEquals(Reason.PLUGIN_ERROR, e.reason());
        assertEquals("broken 1.0.0 failed unexpectedly: java.lang.IllegalStateException: bug in plugin", e.getMessage());
        assertTrue(log.lines.stream().anyMatch(line -> line.equals("error Task {} ({}) failed unexpectedly")), log.lines.toString());
        assertEquals("{}", runner.run(request("echo", "{}"), p -> { }).get(WAIT_SECONDS, TimeUnit.SECONDS).asText());
    }

    @Test
    void missingResultIsAPluginError() throws Exception {
        TaskFailedException e = failure(runner.run(request("silent", "{}"), p -> { }));
        assertEquals("silent 1.0.0 returned no result", e.getMessage());
    }

    @Test
    void taskLoggerTagsLinesWithTaskAndPlugin() throws Exception {
        runner.run(request("echo", "{}"), p -> { }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(log.lines.contains("info [task t-1 echo 1.0.0] echoing 2 bytes"), log.lines.toString());
    }

    @Test
    void timeoutCancelsThePluginAndFreesTheSlot() throws Exception {
        runner = runner(1, 10);
        CompletableFuture<Payload> slow = runner.run(new TaskRequest("blocking", null, Payload.json("{}"), Duration.ofMillis(200)), p -> { });
        TaskFailedException e = failure(slow);
        assertEquals(Reason.TIMEOUT, e.reason());
        assertTrue(e.getMessage().endsWith("ran longer than its timeout of 200 ms"), e.getMessage());
        assertEquals("{}", runner.run(request("echo", "{}"), p -> { }).get(WAIT_SECONDS, TimeUnit.SECONDS).asText());
        assertTrue(sawCancellation.get(), "the plugin saw isCancelled() when interrupted");
    }

    @Test
    void cancellingTheFutureInterruptsThePlugin() throws Exception {
        runner = runner(1, 10);
        CompletableFuture<Payload> blocked = runner.run(request("blocking", "{}"), p -> { });
        assertTrue(entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the plugin runs (a task cancelled while queued never starts)");
        assertTrue(blocked.cancel(true));
        assertThrows(CancellationException.class, () -> blocked.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals("{}", runner.run(request("echo", "{}"), p -> { }).get(WAIT_SECONDS, TimeUnit.SECONDS).asText());
        assertTrue(sawCancellation.get());
    }

    @Test
    void fullQueueRejectsInsteadOfGrowing() throws Exception {
        runner = runner(1, 1);
        CompletableFuture<Payload> running = runner.run(request("blocking", "{}"), p -> { });
        CompletableFuture<Payload> waiting = runner.run(request("blocking", "{}"), p -> { });
        TaskFailedException e = failure(runner.run(request("echo", "{}"), p -> { }));
        assertEquals(Reason.REJECTED, e.reason());
        assertTrue(e.getMessage().startsWith("the worker is full"), e.getMessage());
        release.countDown();
        assertEquals("{}", running.get(WAIT_SECONDS, TimeUnit.SECONDS).asText());
        assertEquals("{}", waiting.get(WAIT_SECONDS, TimeUnit.SECONDS).asText());
    }

    @Test
    void closingFailsRunningTasksAsRejected() throws Exception {
        CompletableFuture<Payload> blocked = runner.run(request("blocking", "{}"), p -> { });
        awaitActive(1);
        runner.close();
        TaskFailedException e = failure(blocked);
        assertEquals(Reason.REJECTED, e.reason());
        assertEquals(Reason.REJECTED, failure(runner.run(request("echo", "{}"), p -> { })).reason());
    }

    @Test
    void splitRunGivesTheSameResultAsOneTask() throws Exception {
        List<Double> progress = new CopyOnWriteArrayList<>();
        Payload result = runner.runSplit(request("sum", "{\"from\":1,\"to\":100000}"), 7, progress::add).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals("{\"from\":1,\"to\":100000,\"sum\":" + TestPlugins.SumOfRange.expected(1, 100_000) + "}", result.asText());
        assertEquals(1.0, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1) || progress.get(i) == 1.0, "progress " + progress);
        }
    }

    @Test
    void splitOfAPluginWithoutSplitterRunsOneTask() throws Exception {
        assertEquals("{\"a\":1}", runner.runSplit(request("echo", "{\"a\":1}"), 8, p -> { }).get(WAIT_SECONDS, TimeUnit.SECONDS).asText());
    }

    @Test
    void failingChunkFailsTheRunNamingTheChunk() throws Exception {
        TaskFailedException e = failure(runner.runSplit(request("sum", "{\"from\":1,\"to\":\"x\"}"), 4, p -> { }));
        assertEquals(Reason.PLUGIN_ERROR, e.reason());
        assertEquals("split: to: 'x' is not a valid number (long)", e.getMessage());
    }

    @Test
    void cancellingASplitRunCancelsItsChunks() throws Exception {
        AtomicInteger started = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        TestPlugins slowChunks = TestPlugins.create().with("slow", "1.0.0", new TestPlugins.SumOfRange() {
            @Override
            public Payload execute(Payload input, io.colony.api.plugin.TaskContext context) throws PluginException {
                started.incrementAndGet();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return input;
            }
        });
        runner.close();
        runner = new TaskRunner(new WorkerSettings(2, 10), slowChunks, json, log.logger);
        CompletableFuture<Payload> run = runner.runSplit(request("slow", "{\"from\":1,\"to\":100}"), 4, p -> { });
        long started2 = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (started.get() < 2 && System.nanoTime() < started2) {
            Thread.sleep(5);
        }
        assertEquals(4, runner.activeTasks(), "two chunks running, two waiting");
        run.cancel(true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (runner.activeTasks() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, runner.activeTasks(), "every chunk was cancelled, running or waiting");
        assertEquals(2, started.get(), "only the two chunks that had a slot started");
    }

    @Test
    void chunkCountIsValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runner.runSplit(request("sum", "{}"), 0, p -> { }));
        assertEquals("chunks: must be between 1 and 10000, was 0", e.getMessage());
    }

    /** A splittable plugin whose splitter returns what the test says instead of cutting the range. */
    private static TestPlugins.SumOfRange splittingInto(List<Payload> chunks) {
        return new TestPlugins.SumOfRange() {
            @Override
            public List<Payload> split(Payload workload, int count, io.colony.api.plugin.JsonCodec codec) {
                return chunks;
            }
        };
    }

    @Test
    void splitCutsTheWorkloadWithThePluginsSplitter() throws Exception {
        List<Payload> chunks = runner.split(request("sum", "{\"from\":1,\"to\":100}"), 4).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(List.of("{\"from\":1,\"to\":25}", "{\"from\":26,\"to\":50}", "{\"from\":51,\"to\":75}", "{\"from\":76,\"to\":100}"),
                chunks.stream().map(Payload::asText).toList());
    }

    @Test
    void splitThenRunThenReduceGivesTheSameResultAsOneRun() throws Exception {
        TaskRequest workload = request("sum", "{\"from\":1,\"to\":10000}");
        List<Payload> chunks = runner.split(workload, 7).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(7, chunks.size());
        List<Payload> results = new java.util.ArrayList<>();
        for (Payload chunk : chunks) {
            results.add(runner.run(new TaskRequest("sum", null, chunk, MINUTE), p -> { }).get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        Payload reduced = runner.reduce(workload, results).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals("{\"from\":1,\"to\":10000,\"sum\":" + TestPlugins.SumOfRange.expected(1, 10_000) + "}", reduced.asText());
        assertEquals(reduced, runner.run(workload, p -> { }).get(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void reduceCombinesTheGivenResults() throws Exception {
        List<Payload> results = List.of(Payload.json("{\"from\":1,\"to\":2,\"sum\":3}"), Payload.json("{\"from\":3,\"to\":4,\"sum\":7}"));
        Payload reduced = runner.reduce(request("sum", "{\"from\":1,\"to\":4}"), results).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals("{\"from\":1,\"to\":4,\"sum\":10}", reduced.asText());
    }

    @Test
    void splitAndReduceOfAPluginWithoutThemAreAPluginError() throws Exception {
        TaskFailedException split = failure(runner.split(request("echo", "{}"), 2));
        assertEquals(Reason.PLUGIN_ERROR, split.reason());
        assertEquals("plugin echo 1.0.0 cannot split a workload", split.getMessage());
        TaskFailedException reduce = failure(runner.reduce(request("echo", "{}"), List.of(Payload.json("{}"))));
        assertEquals(Reason.PLUGIN_ERROR, reduce.reason());
        assertEquals("plugin echo 1.0.0 cannot reduce results", reduce.getMessage());
    }

    @Test
    void splitAndReduceOfAnUnknownPluginNameIt() throws Exception {
        assertEquals(Reason.UNKNOWN_PLUGIN, failure(runner.split(request("nope", "{}"), 2)).reason());
        TaskFailedException e = failure(runner.reduce(request("nope", "{}"), List.of()));
        assertEquals(Reason.UNKNOWN_PLUGIN, e.reason());
        assertTrue(e.getMessage().startsWith("no plugin 'nope' on this node"), e.getMessage());
    }

    @Test
    void splitterAndReducerErrorsAreThePluginsMessages() throws Exception {
        TaskFailedException split = failure(runner.split(request("sum", "{\"from\":1,\"to\":\"x\"}"), 2));
        assertEquals(Reason.PLUGIN_ERROR, split.reason());
        assertEquals("to: 'x' is not a valid number (long)", split.getMessage());
        TaskFailedException reduce = failure(runner.reduce(request("sum", "{\"from\":1,\"to\":4}"), List.of(Payload.json("{\"sum\":\"many\"}"))));
        assertEquals(Reason.PLUGIN_ERROR, reduce.reason());
        assertEquals("sum: 'many' is not a valid number (long)", reduce.getMessage());
    }

    @Test
    void splitterThatBreaksItsContractFailsSayingHow() throws Exception {
        Payload chunk = Payload.json("{}");
        TestPlugins contractBreakers = TestPlugins.create()
                .with("none", "1.0.0", splittingInto(List.of()))
                .with("many", "1.0.0", splittingInto(List.of(chunk, chunk, chunk)))
                .with("holes", "1.0.0", splittingInto(java.util.Arrays.asList(chunk, null)));
        runner.close();
        runner = new TaskRunner(new WorkerSettings(2, 10), contractBreakers, json, log.logger);
        assertEquals("the splitter of none 1.0.0 returned no chunks", failure(runner.split(request("none", "{}"), 2)).getMessage());
        assertEquals("the splitter of many 1.0.0 returned 3 chunks, more than the 2 asked for",
                failure(runner.split(request("many", "{}"), 2)).getMessage());
        TaskFailedException holes = failure(runner.split(request("holes", "{}"), 2));
        assertEquals(Reason.PLUGIN_ERROR, holes.reason());
        assertEquals("the splitter of holes 1.0.0 returned no payload for chunk 2 of 2", holes.getMessage());
        assertTrue(log.lines.stream().noneMatch(line -> line.startsWith("error")), "a broken contract is the plugin's error, not an unexpected one: " + log.lines);
    }

    @Test
    void splitTakesAsManyChunksAsAJobMayHave() throws Exception {
        List<Payload> chunks = runner.split(request("sum", "{\"from\":1,\"to\":200000}"), JobSpec.MAX_CHUNKS).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(JobSpec.MAX_CHUNKS, chunks.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runner.split(request("sum", "{}"), JobSpec.MAX_CHUNKS + 1));
        assertEquals("chunks: must be between 1 and 100000, was 100001", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> runner.split(request("sum", "{}"), 0));
    }

    @Test
    void reduceRunsUnderTheTimeoutAndFreesTheSlot() throws Exception {
        TestPlugins slowReducer = TestPlugins.create().with("slow", "1.0.0", new TestPlugins.SumOfRange() {
            @Override
            public Payload reduce(Payload workload, List<Payload> results, io.colony.api.plugin.JsonCodec codec) throws PluginException {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    sawCancellation.set(true);
                    throw new PluginException("interrupted");
                }
                return workload;
            }
        });
        runner.close();
        runner = new TaskRunner(new WorkerSettings(1, 10), slowReducer, json, log.logger);
        TaskFailedException e = failure(runner.reduce(new TaskRequest("slow", null, Payload.json("{}"), Duration.ofMillis(200)), List.of()));
        assertEquals(Reason.TIMEOUT, e.reason());
        assertTrue(e.getMessage().endsWith("(slow 1.0.0 reduce) ran longer than its timeout of 200 ms"), e.getMessage());
        assertEquals(1, runner.split(request("slow", "{\"from\":1,\"to\":5}"), 1).get(WAIT_SECONDS, TimeUnit.SECONDS).size(),
                "the one slot is free again");
        assertTrue(sawCancellation.get(), "the reducer was interrupted");
    }

    @Test
    void cancellingASplitStopsTheSplitter() throws Exception {
        TestPlugins slowSplitter = TestPlugins.create().with("slow", "1.0.0", new TestPlugins.SumOfRange() {
            @Override
            public List<Payload> split(Payload workload, int chunks, io.colony.api.plugin.JsonCodec codec) throws PluginException {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    sawCancellation.set(true);
                    throw new PluginException("interrupted");
                }
                return List.of(workload);
            }
        });
        runner.close();
        runner = new TaskRunner(new WorkerSettings(1, 10), slowSplitter, json, log.logger);
        CompletableFuture<List<Payload>> split = runner.split(request("slow", "{}"), 2);
        assertTrue(entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the splitter runs");
        assertTrue(split.cancel(true));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while ((!sawCancellation.get() || runner.activeTasks() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(sawCancellation.get(), "the splitter was interrupted");
        assertEquals(0, runner.activeTasks());
    }

    @Test
    void slotsAreTheConfiguredNumberOfTasksRunAtOnce() {
        assertEquals(2, runner.slots());
        runner.close();
        runner = runner(7, 3);
        assertEquals(7, runner.slots());
    }

    private void awaitActive(int count) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (runner.activeTasks() < count) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("tasks never became active");
            }
            Thread.sleep(5);
        }
    }
}
