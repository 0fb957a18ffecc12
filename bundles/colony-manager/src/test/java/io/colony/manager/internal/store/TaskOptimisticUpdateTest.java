package io.colony.manager.internal.store;

import static io.colony.manager.internal.store.TestStores.at;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.TaskStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskOptimisticUpdateTest {

    @TempDir
    Path data;

    private JobStore store;

    @BeforeEach
    void open() {
        store = TestStores.open(data);
        store.insertJob(TestStores.job("1", 0), List.of(TaskRecord.queued("1", 0, "pinned-w", new byte[] {5}, "x/y")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void updateFromTheStoredStatusIsWritten() {
        TaskRecord queued = store.tasksOf("1").get(0);
        TaskRecord running = queued.started("w1", at(1));
        assertTrue(store.updateTask(running, TaskStatus.QUEUED));
        TaskRecord stored = store.findTask("1", 0).orElseThrow();
        assertEquals(running, stored);
        assertEquals(1, stored.attempts());
        assertEquals("w1", stored.worker());
        assertEquals("pinned-w", stored.pinnedTo());
    }

    @Test
    void updateExpectingAStaleStatusIsRefusedAndChangesNothing() {
        TaskRecord running = store.tasksOf("1").get(0).started("w1", at(1));
        assertTrue(store.updateTask(running, TaskStatus.QUEUED));
        TaskRecord succeeded = running.finished(TaskStatus.SUCCEEDED, at(2), 0, null);
        assertTrue(store.updateTask(succeeded, TaskStatus.RUNNING));

        // a timeout handler that still believes the task is RUNNING loses the race
        TaskRecord lost = running.finished(TaskStatus.LOST, at(3), null, "worker w1 went away");
        assertFalse(store.updateTask(lost, TaskStatus.RUNNING));
        assertEquals(succeeded, store.findTask("1", 0).orElseThrow());
    }

    @Test
    void updateNeverChangesPinningOrInput() {
        TaskRecord altered = new TaskRecord("1", 0, TaskStatus.RUNNING, "w2", "another-w", 1, at(1), null, null, null,
                new byte[] {9, 9}, "other/type", null, List.of());
        assertTrue(store.updateTask(altered, TaskStatus.QUEUED));
        TaskRecord after = store.findTask("1", 0).orElseThrow();
        assertEquals("pinned-w", after.pinnedTo());
        assertArrayEquals(new byte[] {5}, after.input());
        assertEquals("x/y", after.inputType());
        assertEquals(TaskStatus.RUNNING, after.status());
        assertEquals("w2", after.worker());
    }

    @Test
    void updateOfATaskThatIsNotStoredReportsFalse() {
        assertFalse(store.updateTask(TaskRecord.queued("1", 5, null, null, null).started("w", at(1)),
                TaskStatus.QUEUED));
        assertFalse(store.updateTask(TaskRecord.queued("2", 0, null, null, null).started("w", at(1)),
                TaskStatus.QUEUED));
    }
}
