package io.colony.manager.internal.store;

import static io.colony.manager.internal.store.TestStores.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchWriteTest {

    @TempDir
    Path data;

    private JobStore store;

    @BeforeEach
    void open() {
        store = new JobStore(StoreDataSources.h2File(data), Duration.ofSeconds(5), 1024);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A record to update job 1 with, its spec left out as the journal builds it. */
    private static JobRecord update(JobStatus status, String error) {
        return new JobRecord("1", JobRecord.SPEC_UNCHANGED, status, 0, false, at(0), at(1),
                status.isFinal() ? at(9) : null, error);
    }

    @Test
    void batchAddsTasksUpdatesTasksStoresResultsAndUpdatesTheJobTogether() {
        JobRecord job = TestStores.job("1", 0);
        store.insertJob(job, List.of());
        List<TaskRecord> chunks = TestStores.tasks("1", 3);
        TaskRecord doneChunk = chunks.get(0).started("w1", at(2)).finished(TaskStatus.SUCCEEDED, at(3), null, null);
        ResultRecord firstTry = TestStores.result("1", 0, "first");
        ResultRecord secondTry = TestStores.result("1", 0, "second");

        store.write(new StoreBatch(List.of(doneChunk, chunks.get(1), chunks.get(2)), List.of(),
                List.of(firstTry, secondTry), List.of(update(JobStatus.RUNNING, null))));

        assertEquals(List.of(doneChunk, chunks.get(1), chunks.get(2)), store.tasksOf("1"));
        assertEquals(Optional.of(secondTry), store.resultOf("1", 0), "the later of two results for one task wins");
        JobRecord stored = store.findJob("1").orElseThrow();
        assertEquals(JobStatus.RUNNING, stored.status());
        assertEquals(job.specJson(), stored.specJson(), "the spec is never overwritten by an update");

        // task updates are unconditional and keep the input; the job's end comes with its result
        TaskRecord lost = chunks.get(1).started("w2", at(4)).finished(TaskStatus.LOST, at(5), null, "w2 went away");
        TaskRecord running = new TaskRecord("1", 2, TaskStatus.RUNNING, "w3", null, 1, at(4), null, null, null, null,
                null, null, List.of());
        store.write(new StoreBatch(List.of(), List.of(lost, running),
                List.of(TestStores.result("1", ResultRecord.JOB_RESULT, "total")),
                List.of(update(JobStatus.FAILED, "task 1 lost"))));

        assertEquals(lost, store.findTask("1", 1).orElseThrow());
        TaskRecord third = store.findTask("1", 2).orElseThrow();
        assertEquals(TaskStatus.RUNNING, third.status());
        assertEquals(chunks.get(2).inputType(), third.inputType());
        assertEquals(Map.of(TaskStatus.SUCCEEDED, 1, TaskStatus.LOST, 1, TaskStatus.RUNNING, 1),
                store.taskCounts("1"));
        assertEquals("total", new String(store.jobResultOf("1").orElseThrow().bytes(), StandardCharsets.UTF_8));
        assertEquals(update(JobStatus.FAILED, "task 1 lost").error(), store.findJob("1").orElseThrow().error());
        assertEquals(JobStatus.FAILED, store.findJob("1").orElseThrow().status());
    }

    @Test
    void batchThatFailsHalfWayWritesNothing() {
        store.insertJob(TestStores.job("1", 0), TestStores.tasks("1", 1));
        TaskRecord duplicate = TestStores.tasks("1", 1).get(0);
        StoreException e = assertThrows(StoreException.class, () -> store.write(new StoreBatch(
                List.of(TaskRecord.queued("1", 1, null, null, null), duplicate), List.of(),
                List.of(TestStores.result("1", 0, "out")), List.of(update(JobStatus.RUNNING, null)))));
        assertTrue(e.getMessage().startsWith("job store: could not write 4 changes"), e.getMessage());
        assertEquals(1, store.tasksOf("1").size());
        assertEquals(Optional.empty(), store.resultOf("1", 0));
        assertEquals(JobStatus.QUEUED, store.findJob("1").orElseThrow().status());
    }

    @Test
    void changesForAJobDeletedMeanwhileAreSkippedAndTheRestIsWritten() {
        store.insertJob(TestStores.finishedJob("2", JobStatus.SUCCEEDED, 5, false), List.of());
        store.insertJob(TestStores.job("1", 0), List.of());
        assertTrue(store.deleteJob("2"));

        store.write(new StoreBatch(List.of(TaskRecord.queued("2", 0, null, null, null),
                TaskRecord.queued("1", 0, null, null, null)), List.of(),
                List.of(TestStores.result("2", 0, "orphan"), TestStores.result("1", -1, "kept")),
                List.of(update(JobStatus.RUNNING, null))));

        assertEquals(List.of(), store.tasksOf("2"));
        assertEquals(Optional.empty(), store.resultOf("2", 0));
        assertEquals(Optional.empty(), store.findJob("2"));
        assertEquals(1, store.tasksOf("1").size());
        assertTrue(store.jobResultOf("1").isPresent());
        assertEquals(JobStatus.RUNNING, store.findJob("1").orElseThrow().status());
    }

    @Test
    void oversizedResultInABatchIsRefusedNamingItAndNothingIsWritten() {
        store.insertJob(TestStores.job("1", 0), List.of());
        ResultRecord big = new ResultRecord("1", 3, new byte[1025], "application/octet-stream", at(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.write(new StoreBatch(
                List.of(), List.of(), List.of(TestStores.result("1", 0, "small"), big),
                List.of(update(JobStatus.RUNNING, null)))));
        assertTrue(e.getMessage().startsWith("results[1].bytes: result 1#3 has 1025 bytes"), e.getMessage());
        assertEquals(Optional.empty(), store.resultOf("1", 0));
        assertEquals(JobStatus.QUEUED, store.findJob("1").orElseThrow().status());
    }

    @Test
    void jobRecordMeantForUpdatesCannotBeInserted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.insertJob(update(JobStatus.QUEUED, null), List.of()));
        assertTrue(e.getMessage().startsWith("specJson: "), e.getMessage());
        assertEquals(Optional.empty(), store.findJob("1"));
    }
}
