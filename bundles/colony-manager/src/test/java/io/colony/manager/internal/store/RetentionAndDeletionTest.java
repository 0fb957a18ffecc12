package io.colony.manager.internal.store;

import static io.colony.manager.internal.store.TestStores.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.JobStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionAndDeletionTest {

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

    private void storeWithTaskAndResults(JobRecord job) {
        store.insertJob(job, TestStores.tasks(job.id(), 2));
        store.saveResult(TestStores.result(job.id(), 0, "task output"));
        store.saveResult(TestStores.result(job.id(), ResultRecord.JOB_RESULT, "job output"));
    }

    @Test
    void purgeRemovesFinishedJobsOlderThanTheCutoffWithTheirTasksAndResults() {
        storeWithTaskAndResults(TestStores.finishedJob("1", JobStatus.SUCCEEDED, 100, false));
        storeWithTaskAndResults(TestStores.finishedJob("2", JobStatus.FAILED, 150, false));
        storeWithTaskAndResults(TestStores.finishedJob("3", JobStatus.KILLED, 199, false));
        storeWithTaskAndResults(TestStores.finishedJob("4", JobStatus.SUCCEEDED, 100, true)); // result kept
        storeWithTaskAndResults(TestStores.finishedJob("5", JobStatus.SUCCEEDED, 200, false)); // at the cutoff
        storeWithTaskAndResults(TestStores.finishedJob("6", JobStatus.SUCCEEDED, 500, false)); // newer
        storeWithTaskAndResults(TestStores.job("7", 0).started(at(1))); // running since long ago
        storeWithTaskAndResults(TestStores.job("8", 0)); // queued since long ago

        assertEquals(List.of("1", "2", "3"), store.purgeFinishedBefore(at(200)));

        for (String purged : List.of("1", "2", "3")) {
            assertEquals(Optional.empty(), store.findJob(purged));
            assertEquals(List.of(), store.tasksOf(purged));
            assertEquals(Optional.empty(), store.jobResultOf(purged));
            assertEquals(0, store.taskResultsOf(purged).size());
        }
        for (String kept : List.of("4", "5", "6", "7", "8")) {
            assertTrue(store.findJob(kept).isPresent(), kept);
            assertEquals(2, store.tasksOf(kept).size(), kept);
            assertTrue(store.jobResultOf(kept).isPresent(), kept);
            assertEquals(1, store.taskResultsOf(kept).size(), kept);
        }
        assertEquals(List.of(), store.purgeFinishedBefore(at(200)), "a second purge finds nothing more");
    }

    @Test
    void deleteRemovesAFinishedJobWithItsTasksAndResults() {
        storeWithTaskAndResults(TestStores.finishedJob("1", JobStatus.SUCCEEDED, 100, true));
        storeWithTaskAndResults(TestStores.finishedJob("2", JobStatus.SUCCEEDED, 100, false));

        assertTrue(store.deleteJob("1"), "a kept job can be deleted explicitly");
        assertEquals(Optional.empty(), store.findJob("1"));
        assertEquals(List.of(), store.tasksOf("1"));
        assertEquals(Optional.empty(), store.jobResultOf("1"));
        assertEquals(0, store.taskResultsOf("1").size());
        assertTrue(store.findJob("2").isPresent(), "other jobs stay");
        assertEquals(1, store.taskResultsOf("2").size());

        assertFalse(store.deleteJob("1"), "deleting again finds nothing");
    }

    @Test
    void deleteRefusesAJobThatIsNotFinished() {
        storeWithTaskAndResults(TestStores.job("3", 0).started(at(1)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.deleteJob("3"));
        assertTrue(e.getMessage().startsWith("job 3 is RUNNING"), e.getMessage());
        assertTrue(store.findJob("3").isPresent());
        assertEquals(2, store.tasksOf("3").size());
        assertEquals(1, store.taskResultsOf("3").size());
    }
}
