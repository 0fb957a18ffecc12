package io.colony.manager.internal.store;

import static io.colony.manager.internal.store.TestStores.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a manager finds in its store after it stopped, cleanly or not, and started again on the same directory. */
class StoreRestartTest {

    @TempDir
    Path data;

    @Test
    void unfinishedJobsComeBackWithTheirTasksAndStoredResultsAfterReopening() {
        try (JobStore store = TestStores.open(data)) {
            // a split job half done: task 0 succeeded with its result stored, task 1 running, task 2 queued
            JobRecord split = TestStores.job("100", 0).started(at(1));
            store.insertJob(split, TestStores.tasks("100", 3));
            List<TaskRecord> tasks = store.tasksOf("100");
            TaskRecord t0 = tasks.get(0).started("w1", at(2));
            store.updateTask(t0, TaskStatus.QUEUED);
            store.updateTask(t0.finished(TaskStatus.SUCCEEDED, at(3), null, null), TaskStatus.RUNNING);
            store.saveResult(TestStores.result("100", 0, "chunk 0 done"));
            store.updateTask(tasks.get(1).started("w2", at(2)), TaskStatus.QUEUED);

            JobRecord urgent = JobRecord.queued("101", "{}", 5, false, at(4));
            store.insertJob(urgent, TestStores.tasks("101", 1));
            store.insertJob(TestStores.finishedJob("99", JobStatus.SUCCEEDED, 1, false), List.of());
        }

        try (JobStore reopened = TestStores.open(data)) {
            List<UnfinishedJob> unfinished = reopened.unfinishedJobs();
            assertEquals(List.of("101", "100"), unfinished.stream().map(u -> u.job().id()).toList(),
                    "higher priority first; the finished job is not resumed");
            UnfinishedJob split = unfinished.get(1);
            assertEquals(JobStatus.RUNNING, split.job().status());
            assertEquals(List.of(TaskStatus.SUCCEEDED, TaskStatus.RUNNING, TaskStatus.QUEUED),
                    split.tasks().stream().map(TaskRecord::status).toList());
            assertEquals(List.of(1, 2), split.pendingTasks().stream().map(TaskRecord::index).toList());
            assertEquals(List.of(0), List.copyOf(split.taskResults().keySet()));
            assertEquals("chunk 0 done",
                    new String(split.taskResults().get(0).bytes(), StandardCharsets.UTF_8));
            assertEquals(0, unfinished.get(0).taskResults().size());
            assertTrue(reopened.findJob("99").isPresent(), "finished jobs stay queryable");
        }
    }

    @Test
    void interruptedRunningTasksAreRequeuedKeepingTheirAttempts() {
        try (JobStore store = TestStores.open(data)) {
            store.insertJob(TestStores.job("200", 0).started(at(1)), TestStores.tasks("200", 3));
            TaskRecord first = store.findTask("200", 0).orElseThrow().started("w1", at(2));
            store.updateTask(first, TaskStatus.QUEUED);
            TaskRecord retried = first.requeued("w1 went away").started("w2", at(3));
            store.updateTask(retried, TaskStatus.RUNNING);
            TaskRecord done = store.findTask("200", 1).orElseThrow().started("w1", at(2));
            store.updateTask(done, TaskStatus.QUEUED);
            store.updateTask(done.finished(TaskStatus.SUCCEEDED, at(4), null, null), TaskStatus.RUNNING);

            // a killed job whose task was still marked running is not brought back to life
            store.insertJob(TestStores.job("201", 0), TestStores.tasks("201", 1));
            store.updateTask(store.findTask("201", 0).orElseThrow().started("w1", at(2)), TaskStatus.QUEUED);
            store.updateJob(store.findJob("201").orElseThrow().started(at(2)).finished(JobStatus.KILLED, at(5),
                    "killed by the user"));
        }

        try (JobStore reopened = TestStores.open(data)) {
            assertEquals(1, reopened.requeueInterruptedTasks());
            TaskRecord requeued = reopened.findTask("200", 0).orElseThrow();
            assertEquals(TaskStatus.QUEUED, requeued.status());
            assertEquals(2, requeued.attempts());
            assertEquals("w2", requeued.worker());
            assertEquals(TaskStatus.SUCCEEDED, reopened.findTask("200", 1).orElseThrow().status());
            assertEquals(TaskStatus.QUEUED, reopened.findTask("200", 2).orElseThrow().status());
            assertEquals(TaskStatus.RUNNING, reopened.findTask("201", 0).orElseThrow().status());
            assertEquals(0, reopened.requeueInterruptedTasks(), "nothing is left to re-queue");
        }
    }

    @Test
    void committedWritesSurviveTheProcessDyingWithoutClosingTheStore() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AbruptlyDyingWriter.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        boolean exited = child.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly();
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(exited, "the writer did not exit within 60 s: " + output);
        assertEquals(AbruptlyDyingWriter.EXIT_CODE, child.exitValue(), "the writer failed: " + output);

        try (JobStore reopened = TestStores.open(data)) {
            assertEquals(Optional.of(AbruptlyDyingWriter.LAST_JOB), reopened.findJob(AbruptlyDyingWriter.LAST_JOB.id()),
                    "the job committed just before the process died is there");
            assertEquals(TaskStatus.RUNNING, reopened.findTask("301", 0).orElseThrow().status());
            assertEquals(1, reopened.requeueInterruptedTasks());
            assertEquals(List.of("301"), reopened.unfinishedJobs().stream().map(u -> u.job().id()).toList());
        }
    }
}
