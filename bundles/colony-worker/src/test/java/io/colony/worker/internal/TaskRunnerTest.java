package io.colony.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        awaitActive(1);
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
