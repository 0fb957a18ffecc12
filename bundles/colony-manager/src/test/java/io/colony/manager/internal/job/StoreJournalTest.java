package io.colony.manager.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.JobResult;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskSetup;
import io.colony.api.job.TaskStatus;
import io.colony.api.plugin.Payload;
import io.colony.api.source.Diagnostic;
import io.colony.manager.internal.json.JobSpecJson;
import io.colony.manager.internal.placement.WorkerQuery;
import io.colony.manager.internal.store.JobStore;
import io.colony.manager.internal.store.StoreDataSources;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

/** The write-behind journal over the real H2 store. */
class StoreJournalTest {

    private static final Logger LOG = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);

    @TempDir
    Path data;
    private JobStore store;
    private StoreJournal journal;

    private StoreJournal open() {
        store = new JobStore(StoreDataSources.h2File(data));
        journal = new StoreJournal(store, new JobSpecJson(), LOG);
        return journal;
    }

    @AfterEach
    void close() {
        if (journal != null) {
            journal.close();
        }
    }

    private static JobRun job(String id, String input) {
        JobRun job = new JobRun(id, JobSpec.plugin("sum").input(Payload.text(input)).build(), Instant.now(), WorkerQuery.all());
        job.tasks.add(new TaskRun(job, 0, job.spec.input(), null));
        return job;
    }

    private static void succeed(JobRun job, String output) {
        TaskRun task = job.tasks.get(0);
        task.status = TaskStatus.SUCCEEDED;
        task.worker = "w1";
        task.attempts = 1;
        task.output = Payload.text(output);
        job.ended(TaskStatus.SUCCEEDED);
        job.status = JobStatus.SUCCEEDED;
        job.finishedAt = Instant.now();
        job.result = task.output;
        job.phase = JobRun.Phase.DONE;
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(10, TimeUnit.SECONDS), "the journal wrote within 10 s");
    }

    @Test
    void aNewJobIsStoredWhenItsFutureCompletes() throws Exception {
        open();
        JobRun job = job("1", "x");
        CompletableFuture<Void> stored = journal.submitted(job);
        stored.get(10, TimeUnit.SECONDS);
        assertEquals(JobStatus.QUEUED, store.findJob("1").orElseThrow().status());
        assertEquals(1, store.tasksOf("1").size());
    }

    @Test
    void aJobThatEndsBeforeItsInsertIsWrittenIsStoredAsItEnded() throws Exception {
        open();
        JobRun job = job("2", "y");
        CompletableFuture<Void> stored = journal.submitted(job);
        succeed(job, "42");
        journal.taskChanged(job.tasks.get(0));
        CountDownLatch ended = new CountDownLatch(1);
        journal.jobChanged(job, ended::countDown);
        await(ended);
        stored.get(10, TimeUnit.SECONDS);

        JobResult result = journal.result("2").orElseThrow();
        assertEquals(JobStatus.SUCCEEDED, result.status());
        assertEquals("42", result.result().asText());
        assertEquals(TaskStatus.SUCCEEDED, result.tasks().get(0).status());
        assertEquals("w1", result.tasks().get(0).worker());
        assertEquals("42", result.tasks().get(0).output().asText());
    }

    @Test
    void whatTheWorkerReportedOfATaskIsStoredAndShownOnceTheJobHasEnded() throws Exception {
        open();
        JobRun job = job("5", "v");
        journal.submitted(job).get(10, TimeUnit.SECONDS);
        TaskSetup setup = new TaskSetup(List.of("io.colony.plugins:colony-plugin-stats:1.0.0",
                "org.apache.commons:commons-math3:3.6.1"), Duration.ofMillis(412), false);
        List<Diagnostic> diagnostics = List.of(new Diagnostic("WARNING", "demo/Squares.java", 3, 9, "[removal] deprecated"));
        job.tasks.get(0).setup = setup;
        job.tasks.get(0).diagnostics = diagnostics;
        succeed(job, "1");
        journal.taskChanged(job.tasks.get(0));
        CountDownLatch ended = new CountDownLatch(1);
        journal.jobChanged(job, ended::countDown);
        await(ended);

        assertEquals(setup, journal.tasks("5").orElseThrow().get(0).setup());
        assertEquals(setup, store.findTask("5", 0).orElseThrow().setup());
        assertEquals(diagnostics, journal.tasks("5").orElseThrow().get(0).diagnostics());
        assertEquals(diagnostics, store.findTask("5", 0).orElseThrow().diagnostics());
    }

    @Test
    void changesOfAStoredJobAreWrittenAsUpdates() throws Exception {
        open();
        JobRun job = job("3", "z");
        journal.submitted(job).get(10, TimeUnit.SECONDS);
        succeed(job, "7");
        journal.taskChanged(job.tasks.get(0));
        CountDownLatch ended = new CountDownLatch(1);
        journal.jobChanged(job, ended::countDown);
        await(ended);
        assertEquals(JobStatus.SUCCEEDED, store.findJob("3").orElseThrow().status());
        assertEquals("7", journal.result("3").orElseThrow().result().asText());
    }

    @Test
    void aJobTheStoreCannotTakeFailsItsStoredFutureAndTheWriterGoesOn() throws Exception {
        open();
        journal.submitted(job("4", "a")).get(10, TimeUnit.SECONDS);
        CompletableFuture<Void> duplicate = journal.submitted(job("4", "b"));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> duplicate.get(10, TimeUnit.SECONDS));
        assertFalse(failure.getCause().getMessage().isBlank());
        journal.submitted(job("5", "c")).get(10, TimeUnit.SECONDS);
        assertTrue(store.findJob("5").isPresent(), "a later batch is written");
    }

    @Test
    void closingWritesWhatIsPending() throws Exception {
        open();
        for (int i = 10; i < 60; i++) {
            journal.submitted(job(Integer.toString(i), "p"));
        }
        journal.close();
        journal = null;
        store = new JobStore(StoreDataSources.h2File(data));
        try {
            assertEquals(50, store.countJobs(null));
        } finally {
            store.close();
        }
    }
}
