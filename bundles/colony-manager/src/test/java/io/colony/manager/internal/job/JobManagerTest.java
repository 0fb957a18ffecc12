package io.colony.manager.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.deploy.Manifest;
import io.colony.api.deploy.MavenRepository;
import io.colony.api.job.JobEvents;
import io.colony.api.job.JobHandle;
import io.colony.api.job.JobInfo;
import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskInfo;
import io.colony.api.job.TaskSetup;
import io.colony.api.job.TaskStatus;
import io.colony.api.job.Work;
import io.colony.api.worker.TaskListener;
import io.colony.api.job.Targets;
import io.colony.api.plugin.Payload;
import io.colony.api.source.Diagnostic;
import io.colony.api.source.SourceCode;
import io.colony.api.trust.Decision;
import io.colony.api.trust.Request;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

class JobManagerTest {

    private final MemoryJournal journal = new MemoryJournal();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Request> asked = new CopyOnWriteArrayList<>();
    private final Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);
    private JobManager manager = manager(new ManagerSettings(1, 0, Duration.ofHours(1), 100));

    private JobManager manager(ManagerSettings settings) {
        return manager(settings, journal);
    }

    private JobManager manager(ManagerSettings settings, JobJournal journal) {
        JobManager created = new JobManager(settings, journal, request -> {
                    asked.add(request);
                    if (request instanceof Request.RunCommand command && command.commandLine().startsWith("rm")) {
                        return Decision.deny("rm is not allowed");
                    }
                    if (request instanceof Request.RunSource source && source.token().equals("unlisted-token")) {
                        return Decision.deny("the API token of this submission is not among those allowed to submit source jobs");
                    }
                    if (request instanceof Request.InstallArtifacts install && install.repositoryUrls().contains("file:/evil")) {
                        return Decision.deny("repository 'file:/evil' is not allowed");
                    }
                    return Decision.allow("test");
                },
                (topic, properties) -> events.add(topic.substring(JobEvents.TOPIC_PREFIX.length()) + " "
                        + properties.get(JobEvents.STATUS)), new ResultPoster(log), Clock.systemUTC(), log);
        created.start();
        return created;
    }

    @AfterEach
    void stop() {
        manager.close();
    }

    private FakeWorker worker(String id, String... plugins) {
        FakeWorker worker = new FakeWorker(id);
        manager.workerJoined(worker, false, FakeWorker.member(id, 4));
        manager.workerOffered(id, List.of(plugins).stream().map(FakeWorker::plugin).toList(), 1, WorkerCapabilities.PLUGINS_ONLY);
        return worker;
    }

    private FakeWorker manifestWorker(String id) {
        FakeWorker worker = new FakeWorker(id);
        manager.workerJoined(worker, false, FakeWorker.member(id, 4));
        manager.workerOffered(id, List.of(), 1, new WorkerCapabilities(true, false));
        return worker;
    }

    private FakeWorker sourceWorker(String id) {
        FakeWorker worker = new FakeWorker(id);
        manager.workerJoined(worker, false, FakeWorker.member(id, 4));
        manager.workerOffered(id, List.of(), 1, new WorkerCapabilities(false, true));
        return worker;
    }

    private static final SourceCode SQUARES = SourceCode.of("demo/Squares.java", "package demo; public class Squares {}", "demo.Squares");

    private static JobSpec manifestJob(String repositoryUrl) {
        return JobSpec.plugin("stats", null, new Manifest(List.of("io.colony.plugins:colony-plugin-stats:1.0.0"),
                List.of(new MavenRepository("samples", repositoryUrl)), true)).input(Payload.json("[1,2,3]")).build();
    }

    private static JobResult await(JobHandle handle) throws Exception {
        return handle.result().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aSingleTaskJobRunsOnAWorkerWithThePluginAndReturnsItsResult() throws Exception {
        worker("a", "other");
        FakeWorker b = worker("b", "primes");
        JobHandle handle = manager.submit(JobSpec.plugin("primes").input(Payload.text("10")).build());

        FakeWorker.Sent sent = b.next();
        assertEquals("10", sent.attempt().input().asText());
        sent.progress().accept(0);
        sent.progress().accept(0.5);
        sent.succeed("4");

        JobResult result = await(handle);
        assertEquals(JobStatus.SUCCEEDED, result.status());
        assertEquals("4", result.result().asText());
        assertEquals("b", result.tasks().get(0).worker());
        assertTrue(events.containsAll(List.of("jobSubmitted QUEUED", "taskComplete SUCCEEDED", "jobComplete SUCCEEDED")),
                events.toString());
        assertTrue(events.stream().anyMatch(e -> e.startsWith("taskReceived")), events.toString());
        assertEquals(JobStatus.SUCCEEDED, manager.job(handle.id()).orElseThrow().status());
    }

    @Test
    void aJobThatIsNotDurableIsNeverJournaledAndStaysReadableInMemoryAfterItEnds() throws Exception {
        manager.close();
        manager = manager(new ManagerSettings(1, 0, Duration.ofHours(1), 100), new JournalByDurability(journal, new MemoryJobs(10)));
        FakeWorker a = worker("a", "primes");
        JobHandle ephemeral = manager.submit(JobSpec.plugin("primes").input(Payload.text("10")).durable(false).build());
        assertTrue(ephemeral.stored().isDone(), "nothing to wait for: it is not written");
        a.next().succeed("4");
        assertEquals("4", await(ephemeral).result().asText());
        JobHandle durable = manager.submit(JobSpec.plugin("primes").input(Payload.text("20")).build());
        a.next().succeed("8");
        await(durable);

        assertEquals(List.of(durable.id()), journal.submitted);
        assertEquals("4", manager.result(ephemeral.id()).orElseThrow().result().asText(), "read from memory once it left the active jobs");
        assertEquals(JobStatus.SUCCEEDED, manager.job(ephemeral.id()).orElseThrow().status());
        assertEquals("a", manager.tasks(ephemeral.id()).orElseThrow().get(0).worker());
        assertEquals(List.of(durable.id(), ephemeral.id()), manager.jobs(null, 10).stream().map(JobInfo::id).toList());
        assertTrue(manager.delete(ephemeral.id()));
        assertTrue(manager.job(ephemeral.id()).isEmpty());
    }

    @Test
    void aManifestJobIsCheckedAsAnInstallAndGoesOnlyToAWorkerThatInstallsManifests() throws Exception {
        worker("a", "stats");
        FakeWorker b = manifestWorker("b");
        JobHandle handle = manager.submit(manifestJob("file:/srv/repository"));
        assertEquals(new Request.InstallArtifacts(List.of("io.colony.plugins:colony-plugin-stats:1.0.0"), List.of("file:/srv/repository")),
                asked.get(asked.size() - 1));

        FakeWorker.Sent sent = b.next();
        assertEquals("io.colony.plugins:colony-plugin-stats:1.0.0",
                ((Work.PluginWork) sent.attempt().work()).manifest().bundles().get(0));
        ((TaskListener) sent.progress()).setUp(new TaskSetup(List.of("io.colony.plugins:colony-plugin-stats:1.0.0",
                "org.apache.commons:commons-math3:3.6.1"), Duration.ofMillis(250), false));
        sent.progress().accept(0);
        TaskInfo running = awaitTask(handle.id(), task -> task.setup() != null);
        assertEquals(2, running.setup().artifacts().size());
        assertTrue(events.stream().anyMatch(e -> e.startsWith("workerTaskConfigComplete")), events.toString());
        sent.succeed("{}");
        assertEquals(JobStatus.SUCCEEDED, await(handle).status());
    }

    @Test
    void aManifestJobIsRejectedWhenTheTrustPolicyDeniesItOrNoWorkerInstallsManifests() {
        worker("a", "stats");
        JobRejectedException none = assertThrows(JobRejectedException.class, () -> manager.submit(manifestJob("file:/srv/repository")));
        assertEquals("manifest", none.field());
        assertTrue(none.getMessage().contains("no worker can install plugins from a manifest"), none.getMessage());

        manifestWorker("b");
        JobRejectedException denied = assertThrows(JobRejectedException.class, () -> manager.submit(manifestJob("file:/evil")));
        assertEquals(JobRejectedException.Reason.FORBIDDEN, denied.reason());
        assertEquals("manifest", denied.field());
        assertTrue(denied.getMessage().contains("repository 'file:/evil' is not allowed"), denied.getMessage());
    }

    @Test
    void aSourceJobIsCheckedWithItsTokenAndGoesOnlyToAWorkerThatRunsSource() throws Exception {
        worker("a", "primes");
        FakeWorker b = sourceWorker("b");
        JobHandle handle = manager.submit(JobSpec.source(SQUARES).input(Payload.text("3")).build(), "listed-token");
        assertEquals(new Request.RunSource("demo.Squares", "listed-token"), asked.get(asked.size() - 1));

        FakeWorker.Sent sent = b.next();
        assertEquals(SQUARES, ((Work.SourceWork) sent.attempt().work()).source());
        sent.succeed("9");
        assertEquals(JobStatus.SUCCEEDED, await(handle).status());
    }

    @Test
    void aSourceTaskThatDoesNotCompileFailsWithTheCompilersDiagnosticsWhichANewAttemptClears() throws Exception {
        FakeWorker b = sourceWorker("b");
        JobHandle handle = manager.submit(JobSpec.source(SQUARES).input(Payload.text("3")).retries(1).build(), "listed-token");
        List<Diagnostic> first = List.of(new Diagnostic("ERROR", "demo/Squares.java", 1, 37, "';' expected"));
        List<Diagnostic> second = List.of(new Diagnostic("ERROR", "demo/Squares.java", 1, 38, "cannot find symbol"),
                new Diagnostic("WARNING", "demo/Squares.java", 1, 1, "[serial] no serialVersionUID"));

        b.next().outcome().complete(Outcome.of(Outcome.Kind.FAILED, "the source does not compile", first));
        FakeWorker.Sent retried = b.next();
        assertEquals(List.of(), awaitTask(handle.id(), task -> task.attempts() == 2).diagnostics(),
                "the new attempt has none of the first one's");
        retried.outcome().complete(Outcome.of(Outcome.Kind.FAILED, "the source does not compile", second));

        JobResult result = await(handle);
        assertEquals(JobStatus.FAILED, result.status());
        TaskInfo failed = manager.tasks(handle.id()).orElseThrow().get(0);
        assertEquals(TaskStatus.FAILED, failed.status());
        assertEquals("failed on b: the source does not compile", failed.error());
        assertEquals(second, failed.diagnostics());
    }

    @Test
    void aSourceJobIsRejectedWhenNoWorkerRunsSourceOrTheTrustPolicyDeniesItsToken() {
        worker("a", "primes");
        JobSpec spec = JobSpec.source(SQUARES).build();
        JobRejectedException none = assertThrows(JobRejectedException.class, () -> manager.submit(spec));
        assertEquals("source", none.field());
        assertTrue(none.getMessage().contains("no worker runs source jobs"), none.getMessage());

        sourceWorker("b");
        JobRejectedException denied = assertThrows(JobRejectedException.class, () -> manager.submit(spec, "unlisted-token"));
        assertEquals(JobRejectedException.Reason.FORBIDDEN, denied.reason());
        assertEquals("source", denied.field());

        JobRejectedException pinned = assertThrows(JobRejectedException.class,
                () -> manager.submit(spec.toBuilder().targets(Targets.workers("a")).build()));
        assertEquals("targets.workers[0]", pinned.field());
        assertTrue(pinned.getMessage().contains("does not run source jobs"), pinned.getMessage());
    }

    private TaskInfo awaitTask(String jobId, java.util.function.Predicate<TaskInfo> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            List<TaskInfo> tasks = manager.tasks(jobId).orElseThrow();
            if (!tasks.isEmpty() && condition.test(tasks.get(0))) {
                return tasks.get(0);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("task 0 of " + jobId + " did not reach the condition within 5 s");
    }

    @Test
    void aSplitJobRunsItsChunksOnEveryWorkerWithinTheirSlotsAndReducesThem() throws Exception {
        FakeWorker a = worker("a", "sum");
        FakeWorker b = worker("b", "sum");
        JobHandle handle = manager.submit(JobSpec.plugin("sum").split(Payload.text("1,2,3"), 3).build());

        FakeWorker.Sent first = a.next();
        FakeWorker.Sent second = b.next();
        a.expectNothing(Duration.ofMillis(100));
        first.succeed("r" + first.attempt().input().asText());
        second.succeed("r" + second.attempt().input().asText());
        FakeWorker.Sent third = a.sent.poll(5, TimeUnit.SECONDS);
        if (third == null) {
            third = b.next();
        }
        third.succeed("r" + third.attempt().input().asText());

        JobResult result = await(handle);
        assertEquals(JobStatus.SUCCEEDED, result.status(), result.error());
        assertEquals("r1+r2+r3", result.result().asText());
        assertEquals(3, result.tasks().size());
    }

    @Test
    void aTaskWhoseWorkerIsLostRunsAgainOnAnotherWorker() throws Exception {
        FakeWorker a = worker("a", "primes");
        JobHandle handle = manager.submit(JobSpec.plugin("primes").build());
        FakeWorker.Sent onA = a.next();
        FakeWorker b = worker("b", "primes");
        manager.workerLeft("a", a, "killed");
        onA.end(Outcome.Kind.LOST, "connection closed");

        FakeWorker.Sent onB = b.next();
        assertEquals(2, onB.attempt().number());
        onB.succeed("done");
        JobResult result = await(handle);
        assertEquals(JobStatus.SUCCEEDED, result.status());
        assertEquals("b", result.tasks().get(0).worker());
    }

    @Test
    void aTaskThatKeepsFailingEndsTheJobFailedOnceItsRetriesAreUsed() throws Exception {
        FakeWorker a = worker("a", "primes");
        JobHandle handle = manager.submit(JobSpec.plugin("primes").retries(1).build());
        a.next().end(Outcome.Kind.FAILED, "division by zero");
        a.next().end(Outcome.Kind.FAILED, "division by zero");

        JobResult result = await(handle);
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.error().contains("division by zero"), result.error());
        assertEquals(TaskStatus.FAILED, result.tasks().get(0).status());
        a.expectNothing(Duration.ofMillis(100));
    }

    @Test
    void aPoolRunsOnceOnEachNamedWorkerAndAPinnedTaskWhoseWorkerLeavesIsLost() throws Exception {
        FakeWorker a = worker("a");
        FakeWorker b = worker("b");
        JobHandle handle = manager.submit(JobSpec.command("uname").targets(Targets.workers("a", "b")).build());
        a.next().outcome().complete(Outcome.succeeded(Payload.json("{\"exitCode\":0}"), 0));
        FakeWorker.Sent onB = b.next();
        manager.workerLeft("b", b, "gone");
        onB.end(Outcome.Kind.LOST, "connection closed");

        JobResult result = await(handle);
        assertEquals(JobStatus.FAILED, result.status());
        assertEquals(TaskStatus.SUCCEEDED, result.tasks().get(0).status());
        assertEquals(TaskStatus.LOST, result.tasks().get(1).status());
        a.expectNothing(Duration.ofMillis(100));
    }

    @Test
    void aCommandThatExitsNonZeroFailsItsTaskWithoutARetry() throws Exception {
        FakeWorker a = worker("a");
        JobHandle handle = manager.submit(JobSpec.command("false").targets(Targets.workers("a")).build());
        a.next().outcome().complete(Outcome.succeeded(Payload.json("{\"exitCode\":1}"), 1));

        JobResult result = await(handle);
        assertEquals(JobStatus.FAILED, result.status());
        assertEquals(1, result.tasks().get(0).exitCode());
        a.expectNothing(Duration.ofMillis(100));
    }

    @Test
    void killingAJobCancelsItsRunningTasksAndDropsItsQueuedOnes() throws Exception {
        FakeWorker a = worker("a", "sum");
        JobHandle handle = manager.submit(JobSpec.plugin("sum").split(Payload.text("1,2,3"), 3).build());
        FakeWorker.Sent running = a.next();

        assertEquals(JobStatus.KILLED, manager.kill(handle.id(), "user asked").orElseThrow().status());
        JobResult result = await(handle);
        assertEquals(JobStatus.KILLED, result.status());
        assertTrue(a.cancelled.contains(running.attempt().key()));
        assertTrue(result.tasks().stream().allMatch(t -> t.status() == TaskStatus.KILLED), result.tasks().toString());
        a.expectNothing(Duration.ofMillis(100));
    }

    @Test
    void aWorkerGetsNoMoreTasksThanItsSlotsAndPrefetch() throws Exception {
        manager.close();
        manager = manager(new ManagerSettings(2, 1, Duration.ofHours(1), 100));
        FakeWorker a = worker("a", "sum");
        manager.submit(JobSpec.plugin("sum").split(Payload.text("1,2,3,4,5,6,7,8"), 8).build());
        for (int i = 0; i < 4; i++) {
            a.next();
        }
        a.expectNothing(Duration.ofMillis(200));
        assertEquals(4, manager.workers().get(0).running());
    }

    @Test
    void aWorkerThatRefusesATaskIsNotAskedAgainAndAnotherRunsIt() throws Exception {
        FakeWorker a = worker("a", "primes");
        JobHandle handle = manager.submit(JobSpec.plugin("primes").build());
        a.next().end(Outcome.Kind.REFUSED, "trust policy");
        FakeWorker b = worker("b", "primes");
        b.next().succeed("ok");
        assertEquals(JobStatus.SUCCEEDED, await(handle).status());
        a.expectNothing(Duration.ofMillis(100));
    }

    @Test
    void submitRefusesUnknownPluginsUnknownWorkersBadQueriesAndDeniedCommands() {
        worker("a", "primes");
        JobRejectedException plugin = assertThrows(JobRejectedException.class,
                () -> manager.submit(JobSpec.plugin("render").build()));
        assertEquals("plugin", plugin.field());
        assertTrue(plugin.getMessage().contains("no worker has plugin 'render'"), plugin.getMessage());

        JobRejectedException worker = assertThrows(JobRejectedException.class,
                () -> manager.submit(JobSpec.command("ls").targets(Targets.workers("a", "zz")).build()));
        assertEquals("targets.workers[1]", worker.field());

        JobRejectedException query = assertThrows(JobRejectedException.class,
                () -> manager.submit(JobSpec.plugin("primes").targets(Targets.query("cores >=")).build()));
        assertEquals("targets.query", query.field());

        JobRejectedException none = assertThrows(JobRejectedException.class,
                () -> manager.submit(JobSpec.plugin("primes").targets(Targets.query("cores >= 64")).build()));
        assertEquals("targets", none.field());

        JobRejectedException denied = assertThrows(JobRejectedException.class,
                () -> manager.submit(JobSpec.command("rm -rf /").targets(Targets.workers("a")).build()));
        assertEquals(JobRejectedException.Reason.FORBIDDEN, denied.reason());
        assertTrue(journal.submitted.isEmpty(), "nothing refused was stored");
    }

    @Test
    void aJobForAllWorkersRunsOnceOnEachAvailableWorkerAndCollectsTheirResults() throws Exception {
        FakeWorker a = worker("a", "primes");
        FakeWorker b = worker("b", "primes");
        JobHandle handle = manager.submit(JobSpec.plugin("primes").targets(Targets.all()).build());
        a.next().succeed("from a");
        b.next().succeed("from b");

        JobResult result = await(handle);
        assertEquals(JobStatus.SUCCEEDED, result.status());
        String pool = result.result().asText();
        assertTrue(pool.contains("\"worker\":\"a\"") && pool.contains("\"output\":\"from b\""), pool);
        List<TaskInfo> tasks = manager.tasks(handle.id()).orElseThrow();
        assertEquals(List.of("a", "b"), tasks.stream().map(TaskInfo::pinnedTo).toList());
    }

    @Test
    void finishedJobsAreListedNewestFirstAndCanBeDeleted() throws Exception {
        FakeWorker a = worker("a", "primes");
        JobHandle first = manager.submit(JobSpec.plugin("primes").build());
        a.next().succeed("1");
        await(first);
        JobHandle second = manager.submit(JobSpec.plugin("primes").build());
        a.next().succeed("2");
        await(second);

        assertEquals(List.of(second.id(), first.id()),
                manager.jobs(null, 10).stream().map(io.colony.api.job.JobInfo::id).toList());
        assertTrue(manager.delete(first.id()));
        assertTrue(manager.job(first.id()).isEmpty());
    }

    @Test
    void aJobCompletesAsSoonAsItEndsAndStaysListedUntilItsEndIsStored() throws Exception {
        FakeWorker a = worker("a", "primes");
        journal.holdEnds = true;
        JobHandle handle = manager.submit(JobSpec.plugin("primes").build());
        a.next().succeed("7");
        assertEquals(JobStatus.SUCCEEDED, await(handle).status());
        assertEquals("7", manager.result(handle.id()).orElseThrow().result().asText());
        assertEquals(JobStatus.SUCCEEDED, manager.job(handle.id()).orElseThrow().status());
        assertEquals(1, journal.held.size(), "the job's end is still on its way to the store");
        journal.finished.clear(); // from here on, only the manager's memory knows the job
        assertEquals("7", manager.result(handle.id()).orElseThrow().result().asText(), "kept in memory until stored");

        journal.held.forEach(Runnable::run);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (manager.job(handle.id()).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(manager.job(handle.id()).isEmpty(), "once stored, the manager leaves the job to the store");
    }

    @Test
    void aTaskLostWithItsWorkersConnectionIsNotSentBackThereBeforeTheLossIsReported() throws Exception {
        FakeWorker a = worker("a", "primes");
        FakeWorker b = worker("b", "primes");
        JobHandle handle = manager.submit(JobSpec.plugin("primes").build());
        FakeWorker.Sent first = a.sent.poll(5, TimeUnit.SECONDS);
        FakeWorker lost = first != null ? a : b;
        FakeWorker other = first != null ? b : a;
        FakeWorker.Sent sent = first != null ? first : b.next();
        lost.connected = false;
        sent.end(Outcome.Kind.LOST, "connection closed");

        other.next().succeed("ok");
        assertEquals(JobStatus.SUCCEEDED, await(handle).status());
        lost.expectNothing(Duration.ofMillis(100));
        assertEquals(List.of(other.id), manager.workers().stream().map(io.colony.api.job.WorkerInfo::id).toList());
    }
}
