package io.colony.manager.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.JobHandle;
import io.colony.api.job.JobInfo;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskInfo;
import io.colony.api.job.TaskStatus;
import io.colony.api.plugin.Payload;
import io.colony.api.source.Diagnostic;
import io.colony.api.source.SourceCode;
import io.colony.api.trust.Decision;
import io.colony.manager.internal.json.JobSpecJson;
import io.colony.manager.internal.store.JobStore;
import io.colony.manager.internal.store.StoreDataSources;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

/** The engine over the real H2 job store: what a manager restart keeps and resumes. */
class ManagerRestartTest {

    private static final Logger LOG = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);

    @TempDir
    Path data;

    private JobManager start() {
        JobStore store = new JobStore(StoreDataSources.h2File(data));
        JobManager manager = new JobManager(new ManagerSettings(1, 0, Duration.ofHours(1), 100),
                new StoreJournal(store, new JobSpecJson(), LOG), request -> Decision.allow("test"), (topic, values) -> { },
                new ResultPoster(LOG), Clock.systemUTC(), LOG);
        manager.start();
        return manager;
    }

    private static FakeWorker join(JobManager manager, String id) {
        FakeWorker worker = new FakeWorker(id);
        manager.workerJoined(worker, false, FakeWorker.member(id, 2));
        manager.workerOffered(id, List.of(FakeWorker.plugin("sum")), 1, WorkerCapabilities.PLUGINS_ONLY);
        return worker;
    }

    @Test
    void aRestartedManagerListsFinishedJobsAndFinishesUnfinishedOnesWithoutRedoingDoneTasks() throws Exception {
        String finishedId;
        String unfinishedId;
        JobManager first = start();
        try {
            FakeWorker a = join(first, "a");
            JobHandle done = first.submit(JobSpec.plugin("sum").input(Payload.text("x")).build());
            a.next().succeed("done");
            assertEquals(JobStatus.SUCCEEDED, done.result().get(5, TimeUnit.SECONDS).status());
            finishedId = done.id();

            JobHandle split = first.submit(JobSpec.plugin("sum").split(Payload.text("1,2,3"), 3).build());
            unfinishedId = split.id();
            a.next().succeed("r1");
            FakeWorker.Sent second = a.next();
            awaitSucceededTasks(first, unfinishedId, 1);
            assertEquals(1, second.attempt().index());
        } finally {
            first.close();
        }

        JobManager second = start();
        try {
            JobInfo finished = second.job(finishedId).orElseThrow();
            assertEquals(JobStatus.SUCCEEDED, finished.status());
            assertEquals("done", second.result(finishedId).orElseThrow().result().asText());

            assertEquals(JobStatus.RUNNING, second.job(unfinishedId).orElseThrow().status());
            FakeWorker b = join(second, "b");
            FakeWorker.Sent again = b.next();
            assertEquals(1, again.attempt().index(), "the task that was running runs again; the finished one does not");
            again.succeed("r2");
            FakeWorker.Sent last = b.next();
            assertEquals(2, last.attempt().index());
            last.succeed("r3");

            JobResult result = second.completion(unfinishedId).get(5, TimeUnit.SECONDS);
            assertEquals(JobStatus.SUCCEEDED, result.status(), result.error());
            assertEquals("r1+r2+r3", result.result().asText());
            assertTrue(Long.parseLong(second.submit(JobSpec.plugin("sum").build()).id()) > Long.parseLong(unfinishedId),
                    "new ids stay above the stored ones");
        } finally {
            second.close();
        }
    }

    @Test
    void theCompilerDiagnosticsOfFailedSourceTasksAreReadAfterARestartAndKeptForTheirRetry() throws Exception {
        SourceCode squares = SourceCode.of("demo/Squares.java", "package demo; public class Squares { int x }", "demo.Squares");
        List<Diagnostic> diagnostics = List.of(new Diagnostic("ERROR", "demo/Squares.java", 1, 43, "';' expected"));
        String failedId;
        String retryingId;
        JobManager first = start();
        try {
            FakeWorker a = new FakeWorker("a");
            first.workerJoined(a, false, FakeWorker.member("a", 2));
            first.workerOffered("a", List.of(), 1, new WorkerCapabilities(false, true));
            JobHandle failed = first.submit(JobSpec.source(squares).retries(0).build(), "token");
            a.next().outcome().complete(Outcome.of(Outcome.Kind.FAILED, "the source does not compile", diagnostics));
            assertEquals(JobStatus.FAILED, failed.result().get(5, TimeUnit.SECONDS).status());
            failedId = failed.id();

            JobHandle retrying = first.submit(JobSpec.source(squares).retries(1).build(), "token");
            retryingId = retrying.id();
            FakeWorker.Sent attempt = a.next();
            a.connected = false;
            attempt.outcome().complete(Outcome.of(Outcome.Kind.FAILED, "the source does not compile", diagnostics));
            awaitTask(first, retryingId, task -> task.status() == TaskStatus.QUEUED && !task.diagnostics().isEmpty());
        } finally {
            first.close();
        }

        JobManager second = start();
        try {
            assertEquals(diagnostics, second.tasks(failedId).orElseThrow().get(0).diagnostics(), "read from the store");
            TaskInfo queued = second.tasks(retryingId).orElseThrow().get(0);
            assertEquals(TaskStatus.QUEUED, queued.status());
            assertEquals(diagnostics, queued.diagnostics(), "the unfinished job's task comes back with its last attempt's");
        } finally {
            second.close();
        }
    }

    private static TaskInfo awaitTask(JobManager manager, String jobId, Predicate<TaskInfo> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.test(manager.tasks(jobId).orElseThrow().get(0))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("task 0 of job " + jobId + " did not reach the condition: " + manager.tasks(jobId));
            }
            Thread.sleep(20);
        }
        return manager.tasks(jobId).orElseThrow().get(0);
    }

    private static void awaitSucceededTasks(JobManager manager, String jobId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (manager.tasks(jobId).orElseThrow().stream().filter(t -> t.status() == TaskStatus.SUCCEEDED).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("tasks of job " + jobId + " did not succeed: " + manager.tasks(jobId));
            }
            Thread.sleep(20);
        }
    }
}
