package io.colony.manager.internal.store;

import static io.colony.manager.internal.store.TestStores.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.JobStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobListingTest {

    @TempDir
    Path data;

    private JobStore store;

    @BeforeEach
    void open() {
        store = TestStores.open(data);
        // inserted out of order; "13" and "14" were created in the same millisecond
        store.insertJob(TestStores.job("12", 2), List.of());
        store.insertJob(TestStores.job("10", 0).started(at(5)), List.of());
        store.insertJob(TestStores.job("14", 3), List.of());
        store.insertJob(TestStores.job("11", 1).started(at(5)).finished(JobStatus.SUCCEEDED, at(6), null), List.of());
        store.insertJob(TestStores.job("13", 3).started(at(5)), List.of());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> ids(List<JobRecord> jobs) {
        return jobs.stream().map(JobRecord::id).toList();
    }

    @Test
    void jobsAreListedNewestFirst() {
        assertEquals(List.of("14", "13", "12", "11", "10"), ids(store.listJobs(null, 100, 0)));
        assertEquals(5, store.countJobs(null));
    }

    @Test
    void limitAndOffsetPageThroughTheList() {
        assertEquals(List.of("14", "13"), ids(store.listJobs(null, 2, 0)));
        assertEquals(List.of("12", "11"), ids(store.listJobs(null, 2, 2)));
        assertEquals(List.of("10"), ids(store.listJobs(null, 2, 4)));
        assertEquals(List.of(), ids(store.listJobs(null, 2, 6)));
        assertEquals(List.of(), ids(store.listJobs(null, 0, 0)));
    }

    @Test
    void statusFilterListsOnlyJobsInThatStatus() {
        assertEquals(List.of("13", "10"), ids(store.listJobs(JobStatus.RUNNING, 100, 0)));
        assertEquals(List.of("14", "12"), ids(store.listJobs(JobStatus.QUEUED, 100, 0)));
        assertEquals(List.of("12"), ids(store.listJobs(JobStatus.QUEUED, 1, 1)));
        assertEquals(List.of(), ids(store.listJobs(JobStatus.KILLED, 100, 0)));
        assertEquals(2, store.countJobs(JobStatus.RUNNING));
        assertEquals(0, store.countJobs(JobStatus.FAILED));
    }

    @Test
    void outOfRangeLimitOrOffsetIsRefusedNamingIt() {
        IllegalArgumentException limit = assertThrows(IllegalArgumentException.class,
                () -> store.listJobs(null, JobStore.MAX_LIST_LIMIT + 1, 0));
        assertTrue(limit.getMessage().startsWith("limit:"), limit.getMessage());
        IllegalArgumentException offset = assertThrows(IllegalArgumentException.class,
                () -> store.listJobs(null, 10, -1));
        assertTrue(offset.getMessage().startsWith("offset:"), offset.getMessage());
    }
}
