package io.colony.manager.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.JobHandle;
import io.colony.api.job.JobInfo;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskStatus;
import io.colony.api.plugin.Payload;
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
