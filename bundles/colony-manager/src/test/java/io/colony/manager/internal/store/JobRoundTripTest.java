package io.colony.manager.internal.store;

import static io.colony.manager.internal.store.TestStores.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRoundTripTest {

    @TempDir
    Path data;

    private JobStore store;

    @BeforeEach
    void open() {
        store = TestStores.open(data);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void jobWithTasksComesBackAsInserted() {
        JobRecord job = JobRecord.queued("1763900000123", "{\"work\":{\"command\":\"uname -a\"}}", 7, true, at(0));
        TaskRecord plain = TaskRecord.queued(job.id(), 0, null, null, null);
        TaskRecord pinned = TaskRecord.queued(job.id(), 1, "worker-b", new byte[] {0, -1, 127, -128}, "image/png");
        TaskRecord done = TaskRecord.queued(job.id(), 2, "worker-c", new byte[0], "text/plain")
                .started("worker-c", at(1)).finished(TaskStatus.FAILED, at(2), 3, "exit code 3");

        store.insertJob(job, List.of(plain, pinned, done));

        assertEquals(Optional.of(job), store.findJob(job.id()));
        assertEquals(List.of(plain, pinned, done), store.tasksOf(job.id()));
        assertEquals(Optional.of(pinned), store.findTask(job.id(), 1));
        assertEquals(Optional.empty(), store.findTask(job.id(), 3));
        assertEquals(Map.of(TaskStatus.QUEUED, 2, TaskStatus.FAILED, 1), store.taskCounts(job.id()));
        assertEquals(Optional.empty(), store.findJob("1763900000124"));
        assertEquals(List.of(), store.tasksOf("1763900000124"));
    }

    @Test
    void updatedJobKeepsItsSpecAndShowsItsNewStatusAndTimes() {
        JobRecord job = TestStores.job("10", 0);
        store.insertJob(job, List.of());

        JobRecord running = job.started(at(1));
        assertTrue(store.updateJob(running));
        assertEquals(Optional.of(running), store.findJob("10"));

        JobRecord failed = running.finished(JobStatus.FAILED, at(2), "task 3 failed: exit code 1");
        assertTrue(store.updateJob(failed));
        JobRecord stored = store.findJob("10").orElseThrow();
        assertEquals(failed, stored);
        assertEquals(job.specJson(), stored.specJson());
        assertEquals(at(1), stored.startedAt());
        assertEquals(at(2), stored.finishedAt());

        assertFalse(store.updateJob(TestStores.job("11", 0)), "a job that is not stored is not updated");
    }

    @Test
    void insertingAJobWithAnotherJobsTaskWritesNothing() {
        JobRecord job = TestStores.job("20", 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.insertJob(job, List.of(TaskRecord.queued("21", 0, null, null, null))));
        assertTrue(e.getMessage().startsWith("tasks[0].jobId"), e.getMessage());
        assertEquals(Optional.empty(), store.findJob("20"));
    }

    @Test
    void jobWhoseTasksCannotAllBeInsertedIsNotStoredAtAll() {
        JobRecord job = TestStores.job("30", 0);
        List<TaskRecord> sameIndexTwice = List.of(TaskRecord.queued("30", 0, null, null, null),
                TaskRecord.queued("30", 0, null, null, null));
        StoreException e = assertThrows(StoreException.class, () -> store.insertJob(job, sameIndexTwice));
        assertTrue(e.getMessage().contains("insert job 30"), e.getMessage());
        assertTrue(e.isConstraintViolation(), e.getMessage());
        assertEquals(Optional.empty(), store.findJob("30"), "the job row was rolled back with its tasks");
        assertEquals(List.of(), store.tasksOf("30"));
    }

    @Test
    void manyTasksAreInsertedInBatches() {
        JobRecord job = TestStores.job("40", 0);
        store.insertJob(job, TestStores.tasks("40", 1_234));
        List<TaskRecord> tasks = store.tasksOf("40");
        assertEquals(1_234, tasks.size());
        assertEquals(1_233, tasks.get(1_233).index());
        assertEquals(Map.of(TaskStatus.QUEUED, 1_234), store.taskCounts("40"));
    }

    @Test
    void fieldsLongerThanTheirColumnsAreRefusedNamingTheField() {
        String longId = "9".repeat(JobRecord.MAX_ID_LENGTH + 1);
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
                () -> JobRecord.queued(longId, "{}", 0, false, at(0)));
        assertTrue(id.getMessage().startsWith("id: at most 64 characters"), id.getMessage());
        IllegalArgumentException worker = assertThrows(IllegalArgumentException.class,
                () -> TaskRecord.queued("1", 0, "w".repeat(256), null, null));
        assertTrue(worker.getMessage().startsWith("pinnedTo: at most 255"), worker.getMessage());
    }
}
