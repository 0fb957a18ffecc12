package io.colony.worker.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.source.CompilationException;
import io.colony.api.source.Diagnostic;
import io.colony.api.trust.Decision;
import io.colony.api.trust.Request;
import io.colony.api.trust.TrustPolicy;
import io.colony.api.worker.CommandResult;
import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskFailedException.Reason;
import io.colony.transport.api.SourceDiagnostics;
import io.colony.transport.proto.CancelTask;
import io.colony.transport.proto.Chunk;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Envelope.BodyCase;
import io.colony.transport.proto.PluginCall;
import io.colony.transport.proto.PluginInfo;
import io.colony.transport.proto.RunTask;
import io.colony.transport.proto.RunTask.Phase;
import io.colony.transport.proto.TaskOutcome;
import io.colony.transport.proto.TaskOutcome.Status;
import io.colony.transport.proto.TaskProgress;
import io.colony.transport.proto.WorkerOffer;
import io.colony.transport.proto.WorkerOfferRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.colony.worker.internal.ManifestPlugins;
import io.colony.worker.internal.SourcePrograms;
import io.colony.api.plugin.TaskContext;
import io.colony.api.source.CompiledSource;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceCode;
import io.colony.api.source.SourceSandbox;
import io.colony.transport.proto.SourceProgram;

class RemoteTaskServerTest {

    private static final long WAIT_SECONDS = 10;
    private static final Payload RANGE = Payload.json("{\"from\":1,\"to\":100}");

    private final FakeTransport transport = new FakeTransport();
    private final FakeExecutor executor = new FakeExecutor();
    private final FakeCatalog catalog = new FakeCatalog();
    private final TestLog log = new TestLog();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final List<Request> asked = new CopyOnWriteArrayList<>();
    private volatile Decision decision = Decision.allow("allowed by the test");
    private final TrustPolicy trust = request -> {
        asked.add(request);
        return decision;
    };
    private final FakePeer manager = FakePeer.manager("m1");
    private final ManifestPlugins manifests = new ManifestPlugins(catalog, catalog::onChange, Duration.ofSeconds(1), log.logger);
    private final SourcePrograms sources = new SourcePrograms(log.logger);
    private RemoteTaskServer server;

    RemoteTaskServerTest() {
        catalog.set(FakeCatalog.plugin("primes", "1.0.0", true), FakeCatalog.plugin("primes", "2.1.0", true),
                FakeCatalog.plugin("echo", "1.0.0", false));
        transport.alreadyConnected(manager);
        sources.setTrust(trust);
        server = start(new RemoteTaskSettings(3, Duration.ofSeconds(10)));
    }

    private RemoteTaskServer start(RemoteTaskSettings settings) {
        return new RemoteTaskServer(settings, "w1", transport, executor, executor, catalog, catalog::onChange, manifests, sources,
                trust, log.logger, clock::get);
    }

    @AfterEach
    void stop() {
        server.deactivate();
    }

    private static RunTask.Builder plugin(String name, int attempt) {
        return RunTask.newBuilder().setJobId("j1").setTaskIndex(4).setAttempt(attempt)
                .setPlugin(PluginCall.newBuilder().setName(name))
                .setInput(Payloads.chunk(RANGE)).setTimeoutMillis(60_000);
    }

    private static RunTask.Builder command(String line) {
        return RunTask.newBuilder().setJobId("j2").setTaskIndex(0).setAttempt(1).setCommand(line).setTimeoutMillis(5_000);
    }

    private CompletableFuture<TaskOutcome> send(FakePeer from, RunTask.Builder task) {
        return transport.deliver(from, Envelope.newBuilder().setRunTask(task).build()).thenApply(Envelope::getTaskOutcome);
    }

    private void cancel(FakePeer from, int attempt, String reason) {
        transport.deliver(from, Envelope.newBuilder().setCancelTask(CancelTask.newBuilder().setJobId("j1").setTaskIndex(4)
                .setAttempt(attempt).setReason(reason)).build());
    }

    private static TaskOutcome outcome(CompletableFuture<TaskOutcome> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static void assertPending(CompletableFuture<TaskOutcome> future) {
        assertThrows(TimeoutException.class, () -> future.get(100, TimeUnit.MILLISECONDS), "the RunTask is not answered yet");
    }

    /**
     * The executor's future gets cancelled, which is what stops a plugin or destroys a command's
     * processes (by the starter thread when it handed the work over after the attempt ended).
     */
    private static void assertCancelled(FakeExecutor.Call call) {
        assertThrows(CancellationException.class, () -> call.future().get(WAIT_SECONDS, TimeUnit.SECONDS), "the work was cancelled");
    }

    private void advance(long millis) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    // ------------------------------------------------------------------------------------ EXECUTE

    @Test
    void executeRunsThePluginAndAnswersItsOutputAfterAProgressOfZero() throws Exception {
        CompletableFuture<TaskOutcome> answer = send(manager, plugin("primes", 2).setPlugin(PluginCall.newBuilder()
                .setName("primes").setVersionRange("[1,2)")));
        FakeExecutor.Call call = executor.next();
        assertEquals("run", call.method());
        assertEquals("primes", call.request().plugin());
        assertEquals("[1,2)", call.request().versionRange());
        assertEquals(RANGE, call.request().input());
        assertEquals(Duration.ofMinutes(1), call.request().timeout());
        assertEquals(List.of(0.0), manager.progress(), "0 as soon as the task starts: the manager's 'task received'");
        assertPending(answer);

        call.complete(Payload.json("{\"count\":25}"));
        TaskOutcome outcome = outcome(answer);
        assertEquals(Status.SUCCEEDED, outcome.getStatus());
        assertEquals("{\"count\":25}", outcome.getOutput().getData().toStringUtf8());
        assertEquals(Payload.JSON, outcome.getOutput().getContentType());
        assertFalse(outcome.hasExitCode());
        assertEquals(List.of(0.0), manager.progress(), "the outcome says the task is done: no progress of 1");
        TaskProgress received = manager.progressMessages().get(0);
        assertEquals(List.of("j1", 4, 2), List.of(received.getJobId(), received.getTaskIndex(), received.getAttempt()));
        assertEquals(new Request.RunPlugin("primes", "[1,2)"), asked.get(0), "the worker asked its own trust policy");
        assertEquals(0, server.attemptsInFlight());
    }

    @Test
    void progressIsSentAtMostFourTimesASecondAndNeverAsOne() throws Exception {
        CompletableFuture<TaskOutcome> answer = send(manager, plugin("primes", 1));
        FakeExecutor.Call call = executor.next();
        call.progress().accept(0.1);
        advance(300);
        call.progress().accept(0.3);
        call.progress().accept(0.35);
        advance(100);
        call.progress().accept(0.4);
        advance(150);
        call.progress().accept(0.6);
        advance(300);
        call.progress().accept(1.0);
        assertEquals(List.of(0.0, 0.3, 0.6), manager.progress(), "one update per 250 ms; the executor's 1 is not final yet");
        call.complete(Payload.text("done"));
        assertEquals(Status.SUCCEEDED, outcome(answer).getStatus());
        assertEquals(List.of(0.0, 0.3, 0.6), manager.progress());
        call.progress().accept(0.9);
        advance(1000);
        call.progress().accept(0.95);
        assertEquals(3, manager.progress().size(), "nothing after the outcome");
    }

    @Test
    void congestedConnectionDropsProgressUpdates() throws Exception {
        CompletableFuture<TaskOutcome> answer = send(manager, plugin("primes", 1));
        FakeExecutor.Call call = executor.next();
        manager.setWritable(false);
        advance(1000);
        call.progress().accept(0.5);
        call.complete(Payload.text("done"));
        assertEquals(Status.SUCCEEDED, outcome(answer).getStatus());
        assertEquals(List.of(0.0), manager.progress());
    }

    @Test
    void aTaskThatEndsBeforeTheReceivedDelayIsAnsweredWithoutAnyProgressMessage() throws Exception {
        server.deactivate();
        server = start(new RemoteTaskSettings(3, Duration.ofSeconds(10), Duration.ofHours(1)));
        CompletableFuture<TaskOutcome> answer = send(manager, plugin("primes", 1));
        FakeExecutor.Call call = executor.next();
        call.progress().accept(0.5);
        call.complete(Payload.text("done"));
        assertEquals(Status.SUCCEEDED, outcome(answer).getStatus());
        assertEquals(List.of(), manager.progress(), "the outcome alone tells the manager");
    }

    @Test
    void aTaskStillRunningAfterTheReceivedDelayIsReportedReceived() throws Exception {
        server.deactivate();
        server = start(new RemoteTaskSettings(3, Duration.ofSeconds(10), Duration.ofMillis(20)));
        CompletableFuture<TaskOutcome> answer = send(manager, plugin("primes", 1));
        FakeExecutor.Call call = executor.next();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (manager.progress().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(List.of(0.0), manager.progress(), "received, once the task has run for the delay");
        assertPending(answer);
        call.complete(Payload.text("done"));
        assertEquals(Status.SUCCEEDED, outcome(answer).getStatus());
        assertEquals(List.of(0.0), manager.progress());
    }

    @Test
    void pluginErrorIsFailedWithItsMessageAndNoFinalProgress() throws Exception {
        CompletableFuture<TaskOutcome> answer = send(manager, plugin("primes", 1));
        executor.next().fail(new TaskFailedException(Reason.PLUGIN_ERROR, "to: must be >= from"));
        TaskOutcome outcome = outcome(answer);
        assertEquals(Status.FAILED, outcome.getStatus());
        assertEquals("to: must be >= from", outcome.getError());
        assertEquals(List.of(0.0), manager.progress());
    }

    @Test
    void timeoutIsFailedWithTheExecutorsMessage() throws Exception {
        CompletableFuture<TaskOutcome> answer = send(manager, plugin("primes", 1).setTimeoutMillis(200));
        FakeExecutor.Call call = executor.next();
        assertEquals(Duration.ofMillis(200), call.timeout());
        call.fail(new TaskFailedException(Reason.TIMEOUT, "task t-1 (primes 2.1.0) ran longer than its timeout of 200 ms"));
        TaskOutcome outcome = outcome(answer);
        assertEquals(Status.FAILED, outcome.getStatus());
        assertEquals("task t-1 (primes 2.1.0) ran longer than its timeout of 200 ms", outcome.getError());
    }

    @Test
    void fullExecutorQueueIsFailedWithItsMessage() throws Exception {
        CompletableFuture<TaskOutcome> answer = send(manager, plugin("primes", 1));
        executor.next().fail(new TaskFailedException(Reason.REJECTED, "the worker is full: 4 tasks running and 1000 waiting"));
        TaskOutcome outcome = outcome(answer);
        assertEquals(Status.FAILED, outcome.getStatus());
        assertEquals("the worker is full: 4 tasks running and 1000 waiting", outcome.getError());
    }

    @Test
    void executorThatThrowsIsAnsweredFailedNotPassedToTheTransport() throws Exception {
        executor.throwOnCall(new IllegalStateException("pool gone"));
        TaskOutcome outcome = outcome(send(manager, plugin("primes", 1)));
        assertEquals(Status.FAILED, outcome.getStatus());
        assertEquals("worker w1 could not start the task: java.lang.IllegalStateException: pool gone", outcome.getError());
        assertEquals(0, server.attemptsInFlight());
    }

    @Test
    void executorThatNeverEndsTheWorkIsAnsweredFailedAfterItsTimeoutAndAGrace() throws Exception {
        server.deactivate();
        server = start(new RemoteTaskSettings(3, Duration.ofMillis(50)));
        CompletableFuture<TaskOutcome> answer = send(manager, plugin("primes", 1).setTimeoutMillis(100));
        FakeExecutor.Call call = executor.next();
        TaskOutcome outcome = outcome(answer);
        assertEquals(Status.FAILED, outcome.getStatus());
        assertEquals("no outcome 50 ms after the timeout of 100 ms; the work was cancelled", outcome.getError());
        assertCancelled(call);
    }

    // ------------------------------------------------------------------------------ SPLIT, REDUCE

    @Test
    void splitCutsTheWorkloadAndAnswersTheChunksAsParts() throws Exception {
        CompletableFuture<TaskOutcome> answer = send(manager, plugin("primes", 1).setPhase(Phase.SPLIT).setChunks(3));
        FakeExecutor.Call call = executor.next();
        assertEquals("split", call.method());
        assertEquals(3, call.chunks());
        assertEquals(RANGE, call.request().input());
        List<Payload> chunks = List.of(Payload.json("{\"from\":1,\"to\":34}"), Payload.json("{\"from\":35,\"to\":68}"),
                Payload.json("{\"from\":69,\"to\":100}"));
        call.complete(chunks);
        TaskOutcome outcome = outcome(answer);
        assertEquals(Status.SUCCEEDED, outcome.getStatus());
        assertEquals(chunks, outcome.getPartsList().stream().map(Payloads::of).toList());
        assertFalse(outcome.hasOutput());
        assertEquals(List.of(0.0), manager.progress());
    }

    @Test
    void reduceCombinesThePartsInTheirOrder() throws Exception {
        List<Payload> parts = List.of(Payload.json("{\"count\":11}"), Payload.text("14"), Payload.of(new byte[] {1, 2}, Payload.BINARY));
        RunTask.Builder task = plugin("primes", 1).setPhase(Phase.REDUCE);
        parts.forEach(part -> task.addParts(Payloads.chunk(part)));
        CompletableFuture<TaskOutcome> answer = send(manager, task);
        FakeExecutor.Call call = executor.next();
        assertEquals("reduce", call.method());
        assertEquals(parts, call.parts());
        assertEquals(RANGE, call.request().input());
        call.complete(Payload.json("{\"count\":25}"));
        TaskOutcome outcome = outcome(answer);
        assertEquals(Status.SUCCEEDED, outcome.getStatus());
        assertEquals("{\"count\":25}", outcome.getOutput().getData().toStringUtf8());
    }

    // ---------------------------------------------------------------------------------- commands

    @Test
    void commandAnswersItsExitCodeAndOutputsAsJson() throws Exception {
        CompletableFuture<TaskOutcome> answer = send(manager, command("grep -c x data.txt"));
        FakeExecutor.Call call = executor.next();
        assertEquals("command", call.method());
        assertEquals("grep -c x data.txt", call.commandLine());
        assertEquals(Duration.ofSeconds(5), call.timeout());
        call.complete(new CommandResult(3, "no \"x\" here\n", "", false, true, Duration.ofMillis(12)));
        TaskOutcome outcome = outcome(answer);
        assertEquals(Status.SUCCEEDED, outcome.getStatus(), "a non-zero exit code is a result; the manager judges it");
        assertEquals(3, outcome.getExitCode());
        assertEquals(Payload.JSON, outcome.getOutput().getContentType());
        assertEquals("{\"exitCode\":3,\"stdout\":\"no \\\"x\\\" here\\n\",\"stderr\":\"\",\"stdoutTruncated\":false,\"stderrTruncated\":true}",
                outcome.getOutput().getData().toStringUtf8());
        assertEquals(new Request.RunCommand("grep -c x data.txt"), asked.get(0));
    }

    @Test
    void cancellingACommandCancelsItsFutureWhichDestroysTheProcess() throws Exception {
        CompletableFuture<TaskOutcome> answer = send(manager, command("sleep 60"));
        FakeExecutor.Call call = executor.next();
        transport.deliver(manager, Envelope.newBuilder().setCancelTask(CancelTask.newBuilder().setJobId("j2").setAttempt(1)).build());
        TaskOutcome outcome = outcome(answer);
        assertEquals(Status.KILLED, outcome.getStatus());
        assertEquals("cancelled by node m1", outcome.getError());
        assertCancelled(call);
    }

    // ------------------------------------------------------------------------------------- refusals

    @Test
    void deniedByTheTrustPolicyIsRefusedWithItsReasonAndNothingRuns() throws Exception {
        decision = Decision.deny("commands are disabled (commands.enabled = false)");
        TaskOutcome commandOutcome = outcome(send(manager, command("rm -rf /")));
        assertEquals(Status.REFUSED, commandOutcome.getStatus());
        assertEquals("the trust policy of worker w1 denies it: commands are disabled (commands.enabled = false)", commandOutcome.getError());
        decision = Decision.deny("plugins from that bundle are not trusted");
        TaskOutcome pluginOutcome = outcome(send(manager, plugin("primes", 1)));
        assertEquals(Status.REFUSED, pluginOutcome.getStatus());
        assertEquals("the trust policy of worker w1 denies it: plugins from that bundle are not trusted", pluginOutcome.getError());
        assertNull(executor.poll(200), "nothing ran");
        assertEquals(List.of(), manager.progress(), "not even received");
    }

    @Test
    void pluginThatIsNotOnThisWorkerIsRefusedNamingWhatItHas() throws Exception {
        TaskOutcome outcome = outcome(send(manager, plugin("mandelbrot", 1)));
        assertEquals(Status.REFUSED, outcome.getStatus());
        assertEquals("worker w1 has no plugin 'mandelbrot'; it has: primes 1.0.0, primes 2.1.0, echo 1.0.0", outcome.getError());
        TaskOutcome tooNew = outcome(send(manager, plugin("primes", 1).setPlugin(PluginCall.newBuilder().setName("primes").setVersionRange("[3,4)"))));
        assertEquals("worker w1 has no plugin 'primes' in version range [3,4); it has: primes 1.0.0, primes 2.1.0, echo 1.0.0", tooNew.getError());
        TaskOutcome malformed = outcome(send(manager, plugin("primes", 1).setPlugin(PluginCall.newBuilder().setName("primes").setVersionRange("[1,"))));
        assertEquals(Status.REFUSED, malformed.getStatus());
        assertTrue(malformed.getError().startsWith("plugin.version_range: "), malformed.getError());
        assertNull(executor.poll(200));
    }

    @Test
    void pluginGoneBeforeItRanIsRefused() throws Exception {
        CompletableFuture<TaskOutcome> answer = send(manager, plugin("primes", 1));
        executor.next().fail(new TaskFailedException(Reason.UNKNOWN_PLUGIN, "no plugin 'primes' on this node; it has: echo 1.0.0"));
        TaskOutcome outcome = outcome(answer);
        assertEquals(Status.REFUSED, outcome.getStatus());
        assertEquals("no plugin 'primes' on this node; it has: echo 1.0.0", outcome.getError());
    }

    @Test
    void malformedRunTaskIsRefusedNamingEveryFieldAtFault() throws Exception {
        TaskOutcome outcome = outcome(send(manager, RunTask.newBuilder().setJobId("j1").setAttempt(1)));
        assertEquals(Status.REFUSED, outcome.getStatus());
        assertEquals("work: missing (neither a plugin nor a command); timeout_millis: missing (0); give how long the task may run,"
                + " at most 30 days", outcome.getError());
        TaskOutcome noIdentity = outcome(send(manager, plugin("primes", 0).setJobId("")));
        assertEquals("job_id: missing; attempt: missing (attempts count from 1)", noIdentity.getError());
        assertNull(executor.poll(200));
    }

    @Test
    void absurdTimeoutIsRefused() throws Exception {
        TaskOutcome outcome = outcome(send(manager, plugin("primes", 1).setTimeoutMillis(-1L)));
        assertEquals(Status.REFUSED, outcome.getStatus());
        assertEquals("timeout_millis: 18446744073709551615 ms is more than the most a task may run, 30 days (2592000000 ms)",
                outcome.getError());
    }

    @Test
    void taskFromANodeThatIsNotAManagerIsRefused() throws Exception {
        FakePeer worker = new FakePeer("w2", "worker");
        TaskOutcome outcome = outcome(send(worker, plugin("primes", 1)));
        assertEquals(Status.REFUSED, outcome.getStatus());
        assertEquals("node w2 is not a manager (its roles: worker)", outcome.getError());
        assertNull(executor.poll(200));
    }

    @Test
    void sameAttemptTwiceIsRefusedAndTheFirstKeepsRunning() throws Exception {
        CompletableFuture<TaskOutcome> first = send(manager, plugin("primes", 1));
        FakeExecutor.Call call = executor.next();
        TaskOutcome second = outcome(send(manager, plugin("primes", 1)));
        assertEquals(Status.REFUSED, second.getStatus());
        assertEquals("job j1 task 4 attempt 1 from node m1 is already running on worker w1", second.getError());
        call.complete(Payload.text("ok"));
        assertEquals(Status.SUCCEEDED, outcome(first).getStatus());
    }

    // ---------------------------------------------------------------------------- cancel, limits

    @Test
    void cancelAnswersKilledWithTheReasonAndCancelsTheWork() throws Exception {
        CompletableFuture<TaskOutcome> answer = send(manager, plugin("primes", 1));
        FakeExecutor.Call call = executor.next();
        cancel(manager, 1, "job j1 was killed by alice");
        TaskOutcome outcome = outcome(answer);
        assertEquals(Status.KILLED, outcome.getStatus());
        assertEquals("cancelled by node m1: job j1 was killed by alice", outcome.getError());
        assertCancelled(call);
        assertEquals(0, server.attemptsInFlight());
        advance(1000);
        call.progress().accept(0.5);
        assertEquals(List.of(0.0), manager.progress(), "no progress after the attempt ended");
    }

    @Test
    void cancelOfAnotherAttemptOrFromAnotherNodeIsIgnored() throws Exception {
        FakePeer otherManager = FakePeer.manager("m2");
        CompletableFuture<TaskOutcome> answer = send(manager, plugin("primes", 1));
        FakeExecutor.Call call = executor.next();
        cancel(manager, 2, "an attempt that ended already");
        cancel(otherManager, 1, "not its task");
        assertPending(answer);
        assertFalse(call.future().isDone());
        call.complete(Payload.text("ok"));
        assertEquals(Status.SUCCEEDED, outcome(answer).getStatus());
    }

    @Test
    void cancelRightAfterTheTaskArrivedMeansItNeverRunsOrIsCancelledAsItStarts() throws Exception {
        CompletableFuture<TaskOutcome> answer = send(manager, plugin("primes", 1));
        cancel(manager, 1, "changed my mind");
        assertEquals(Status.KILLED, outcome(answer).getStatus());
        FakeExecutor.Call call = executor.poll(200);
        if (call != null) {
            assertCancelled(call);
        }
    }

    @Test
    void lostNodeHasAllItsAttemptsCancelledButNoOtherNodes() throws Exception {
        FakePeer otherManager = FakePeer.manager("m2");
        transport.connect(otherManager);
        CompletableFuture<TaskOutcome> first = send(manager, plugin("primes", 1));
        FakeExecutor.Call firstCall = executor.next();
        CompletableFuture<TaskOutcome> second = send(manager, command("sleep 60"));
        FakeExecutor.Call secondCall = executor.next();
        CompletableFuture<TaskOutcome> others = send(otherManager, plugin("primes", 1));
        FakeExecutor.Call othersCall = executor.next();
        transport.lose(manager, "heartbeat timeout");
        assertEquals(Status.KILLED, outcome(first).getStatus());
        assertEquals("node m1 was lost: heartbeat timeout", outcome(second).getError());
        assertCancelled(firstCall);
        assertCancelled(secondCall);
        assertFalse(othersCall.future().isDone());
        assertPending(others);
        assertEquals(1, server.attemptsInFlight());
    }

    @Test
    void reconnectedNodeEndsTheAttemptsOfItsDeadConnection() throws Exception {
        CompletableFuture<TaskOutcome> answer = send(manager, plugin("primes", 1));
        FakeExecutor.Call call = executor.next();
        manager.disconnect();
        FakePeer reconnected = FakePeer.manager("m1");
        transport.connect(reconnected);
        TaskOutcome outcome = outcome(answer);
        assertEquals(Status.KILLED, outcome.getStatus());
        assertEquals("the connection from node m1 that sent it was replaced", outcome.getError());
        assertCancelled(call);
    }

    @Test
    void attemptsBeyondTheLimitPerNodeAreFailedAsWorkerFull() throws Exception {
        List<CompletableFuture<TaskOutcome>> running = List.of(send(manager, plugin("primes", 1)), send(manager, plugin("primes", 2)),
                send(manager, plugin("primes", 3)));
        TaskOutcome outcome = outcome(send(manager, plugin("primes", 4)));
        assertEquals(Status.FAILED, outcome.getStatus());
        assertEquals("worker w1 is full: node m1 already has 3 task attempts in flight here, the most it may have (max.attempts.per.peer)",
                outcome.getError());
        FakePeer otherManager = FakePeer.manager("m2");
        CompletableFuture<TaskOutcome> others = send(otherManager, plugin("primes", 1));
        for (int i = 0; i < 4; i++) {
            executor.next().complete(Payload.text("ok"));
        }
        for (CompletableFuture<TaskOutcome> answer : running) {
            assertEquals(Status.SUCCEEDED, outcome(answer).getStatus());
        }
        assertEquals(Status.SUCCEEDED, outcome(others).getStatus(), "the limit is per node");
        CompletableFuture<TaskOutcome> again = send(manager, plugin("primes", 5));
        executor.next().complete(Payload.text("ok"));
        assertEquals(Status.SUCCEEDED, outcome(again).getStatus(), "room again once attempts ended");
    }

    // ------------------------------------------------------------------------------ manifest tasks

    private static RunTask.Builder manifestTask() {
        return plugin("stats", 1).setPlugin(PluginCall.newBuilder().setName("stats").setManifest(
                io.colony.transport.proto.Manifest.newBuilder().addBundles("io.colony.plugins:colony-plugin-stats:1.0.0")
                        .addRepositories(io.colony.transport.proto.MavenRepository.newBuilder().setId("samples").setUrl("file:/srv/repo"))));
    }

    @Test
    void manifestTaskIsCheckedAsAnInstallOfItsArtifactsAndRefusedWithoutADeployer() throws Exception {
        TaskOutcome outcome = outcome(send(manager, manifestTask()));
        assertEquals(Status.REFUSED, outcome.getStatus());
        assertTrue(outcome.getError().contains("colony-deployer is not running"), outcome.getError());
        assertEquals(List.of(new Request.InstallArtifacts(List.of("io.colony.plugins:colony-plugin-stats:1.0.0"), List.of("file:/srv/repo"))),
                asked);
        assertFalse(manager.offers().get(manager.offers().size() - 1).getInstallsManifests());
    }

    @Test
    void manifestTaskDeniedByTheTrustPolicyIsRefusedWithItsReason() throws Exception {
        manifests.setDeployer(new NoDeployer());
        decision = Decision.deny("manifest jobs (topology 2) are disabled");
        TaskOutcome outcome = outcome(send(manager, manifestTask()));
        assertEquals(Status.REFUSED, outcome.getStatus());
        assertTrue(outcome.getError().contains("manifest jobs (topology 2) are disabled"), outcome.getError());
    }

    @Test
    void manifestTaskGoesToTheExecutorWithItsManifestOnceADeployerIsThere() throws Exception {
        manifests.setDeployer(new NoDeployer());
        assertTrue(manager.offers().get(manager.offers().size() - 1).getInstallsManifests(), "the new offer is pushed");
        CompletableFuture<TaskOutcome> answer = send(manager, manifestTask());
        FakeExecutor.Call call = executor.next();
        assertEquals("stats", call.request().plugin());
        assertEquals(List.of("io.colony.plugins:colony-plugin-stats:1.0.0"), call.request().manifest().bundles());
        assertTrue(call.request().manifest().deleteWhenDone());
        call.future().complete(Payload.json("{}"));
        assertEquals(Status.SUCCEEDED, outcome(answer).getStatus());
    }

    /** A deployer the executor never calls (the fake executor stands in for the worker's whole run). */
    private static final class NoDeployer implements io.colony.api.deploy.Deployer {
        @Override
        public CompletableFuture<io.colony.api.deploy.Deployment> deploy(io.colony.api.deploy.Manifest manifest) {
            throw new AssertionError("not called by the server itself");
        }

        @Override
        public List<io.colony.api.deploy.CachedArtifact> cachedArtifacts() {
            return List.of();
        }

        @Override
        public List<io.colony.api.deploy.CachedArtifact> clean() {
            return List.of();
        }
    }

    // -------------------------------------------------------------------------------- source tasks

    private static final SourceCode SQUARES = SourceCode.of("demo/Squares.java", "package demo; public class Squares {}", "demo.Squares");

    private static RunTask.Builder sourceTask() {
        return plugin("unused", 1).setSource(SourceProgram.newBuilder().putAllFiles(SQUARES.files()).setEntryClass(SQUARES.entryClass()));
    }

    @Test
    void sourceTaskIsCheckedAsRunSourceWithoutATokenAndRefusedWithoutASandbox() throws Exception {
        TaskOutcome outcome = outcome(send(manager, sourceTask()));
        assertEquals(Status.REFUSED, outcome.getStatus());
        assertEquals("worker w1: this worker cannot run source jobs: colony-sandbox is not running on it", outcome.getError());
        assertEquals(List.of(new Request.RunSource("demo.Squares", "")), asked);
        assertFalse(manager.offers().get(manager.offers().size() - 1).getRunsSource());
    }

    @Test
    void sourceTaskDeniedByTheTrustPolicyIsRefusedWithItsReason() throws Exception {
        sources.setSandbox(new NoSandbox());
        decision = Decision.deny("source jobs (topology 3) are disabled");
        TaskOutcome outcome = outcome(send(manager, sourceTask()));
        assertEquals(Status.REFUSED, outcome.getStatus());
        assertEquals("worker w1: the trust policy of this worker denies it: source jobs (topology 3) are disabled", outcome.getError());
    }

    @Test
    void sourceTaskGoesToTheExecutorWithItsSourceOnceASandboxIsThere() throws Exception {
        sources.setSandbox(new NoSandbox());
        assertTrue(manager.offers().get(manager.offers().size() - 1).getRunsSource(), "the new offer is pushed");
        CompletableFuture<TaskOutcome> answer = send(manager, sourceTask());
        FakeExecutor.Call call = executor.next();
        assertEquals(SQUARES, call.request().source());
        assertEquals("demo.Squares", call.request().plugin());
        call.future().complete(Payload.text("4"));
        assertEquals(Status.SUCCEEDED, outcome(answer).getStatus());
    }

    @Test
    void sourceTaskThatDoesNotCompileIsAnsweredFailedWithTheCompilersDiagnostics() throws Exception {
        sources.setSandbox(new NoSandbox());
        CompletableFuture<TaskOutcome> answer = send(manager, sourceTask());
        CompilationException compilation = new CompilationException(List.of(new Diagnostic("ERROR", "demo/Squares.java", 1, 37,
                "cannot find symbol")));
        executor.next().fail(new TaskFailedException(Reason.PLUGIN_ERROR,
                compilation.getMessage(), new PluginException(compilation.getMessage(), compilation)));

        TaskOutcome outcome = outcome(answer);
        assertEquals(Status.FAILED, outcome.getStatus());
        assertEquals(List.of(new Diagnostic("ERROR", "demo/Squares.java", 1, 37, "cannot find symbol")),
                SourceDiagnostics.fromProto(outcome.getDiagnosticsList()));
    }

    @Test
    void sourceTaskThatIsNotValidSourceIsRefusedNamingTheField() throws Exception {
        sources.setSandbox(new NoSandbox());
        TaskOutcome outcome = outcome(send(manager, plugin("unused", 1).setSource(SourceProgram.newBuilder()
                .putFiles("../etc/passwd", "x").setEntryClass("demo.Squares"))));
        assertEquals(Status.REFUSED, outcome.getStatus());
        assertTrue(outcome.getError().contains("source.files: '../etc/passwd' is not a source path"), outcome.getError());
    }

    /** A sandbox the executor never calls (the fake executor stands in for the worker's whole run). */
    private static final class NoSandbox implements SourceSandbox {
        @Override
        public CompiledSource compile(SourceCode source, SandboxPolicy policy) {
            throw new AssertionError("not called by the server itself");
        }

        @Override
        public Payload run(CompiledSource program, Payload input, TaskContext context, SandboxPolicy policy) {
            throw new AssertionError("not called by the server itself");
        }
    }

    // --------------------------------------------------------------------------------------- offers

    @Test
    void offerRequestIsAnsweredWithThePluginsAndSlots() throws Exception {
        executor.setSlots(6);
        Envelope answer = transport.deliver(new FakePeer("w2", "worker"), Envelope.newBuilder()
                .setWorkerOfferRequest(WorkerOfferRequest.getDefaultInstance()).build()).get(WAIT_SECONDS, TimeUnit.SECONDS);
        WorkerOffer offer = answer.getWorkerOffer();
        assertEquals(6, offer.getSlots());
        assertEquals(PluginInfo.newBuilder().setName("primes").setVersion("1.0.0").setDescription("the primes plugin")
                .setBundle("sample.primes 1.0.0").setSplittable(true).build(), offer.getPlugins(0));
        assertEquals(List.of("primes 1.0.0", "primes 2.1.0", "echo 1.0.0"),
                offer.getPluginsList().stream().map(plugin -> plugin.getName() + " " + plugin.getVersion()).toList());
        assertFalse(offer.getPlugins(2).getSplittable());
    }

    @Test
    void offerIsPushedToManagersWhenTheServerStartsAndWhenTheyConnectButNotToWorkers() {
        assertEquals(1, manager.offers().size(), "the manager connected before the server started");
        FakePeer worker = new FakePeer("w2", "worker");
        FakePeer both = new FakePeer("n3", "manager", "worker");
        transport.connect(worker);
        transport.connect(both);
        assertEquals(List.of(), worker.offers());
        assertEquals(1, both.offers().size());
        assertEquals(3, both.offers().get(0).getPluginsCount());
        assertEquals(4, both.offers().get(0).getSlots());
    }

    @Test
    void offerIsPushedToEveryManagerWhenThePluginsChange() {
        FakePeer worker = new FakePeer("w2", "worker");
        FakePeer otherManager = FakePeer.manager("m2");
        transport.connect(worker);
        transport.connect(otherManager);
        catalog.set(FakeCatalog.plugin("mandelbrot", "1.0.0", true));
        WorkerOffer latest = manager.offers().get(manager.offers().size() - 1);
        assertEquals(List.of("mandelbrot"), latest.getPluginsList().stream().map(PluginInfo::getName).toList());
        assertEquals(latest, otherManager.offers().get(otherManager.offers().size() - 1));
        assertEquals(List.of(), worker.offers());
    }

    // ----------------------------------------------------------------------------------- stopping

    @Test
    void deactivateAnswersAttemptsInFlightFailedCancelsTheirWorkAndStopsServing() throws Exception {
        CompletableFuture<TaskOutcome> answer = send(manager, plugin("primes", 1));
        FakeExecutor.Call call = executor.next();
        server.deactivate();
        TaskOutcome outcome = outcome(answer);
        assertEquals(Status.FAILED, outcome.getStatus(), "failed, not killed: the manager runs it elsewhere");
        assertEquals("worker w1 is stopping", outcome.getError());
        assertCancelled(call);
        for (BodyCase handled : List.of(BodyCase.RUN_TASK, BodyCase.CANCEL_TASK, BodyCase.WORKER_OFFER_REQUEST)) {
            assertFalse(transport.handles(handled), handled + " is no longer handled");
        }
        assertEquals(0, transport.listenerCount());
        assertEquals(0, catalog.listenerCount());
        ExecutionException e = assertThrows(ExecutionException.class, () -> send(manager, plugin("primes", 2)).get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("no handler for RUN_TASK"), e.getCause().getMessage());
    }

    @Test
    void serverThatCannotRegisterItsHandlersLeavesNothingBehind() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> start(new RemoteTaskSettings(3, Duration.ofSeconds(10))));
        assertEquals("a handler for RUN_TASK is already registered", e.getMessage());
        assertEquals(1, transport.listenerCount(), "only the first server's listener");
        assertEquals(1, catalog.listenerCount());
    }

    @Test
    void inputWithoutContentTypeIsRefused() throws Exception {
        TaskOutcome outcome = outcome(send(manager, plugin("primes", 1).setInput(Chunk.newBuilder().setData(ByteString.copyFromUtf8("{}")))));
        assertEquals(Status.REFUSED, outcome.getStatus());
        assertEquals("input.content_type: missing for 2 bytes of data", outcome.getError());
    }
}
