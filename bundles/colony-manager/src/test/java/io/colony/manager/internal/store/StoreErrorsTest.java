package io.colony.manager.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreErrorsTest {

    @TempDir
    Path data;

    @Test
    void duplicateJobIdIsAStoreExceptionNamingTheJob() {
        try (JobStore store = TestStores.open(data)) {
            store.insertJob(TestStores.job("1763900000123", 0), TestStores.tasks("1763900000123", 1));
            StoreException e = assertThrows(StoreException.class,
                    () -> store.insertJob(TestStores.job("1763900000123", 5), TestStores.tasks("1763900000123", 2)));
            assertTrue(e.getMessage().startsWith("job store: could not insert job 1763900000123 with 2 tasks: "),
                    e.getMessage());
            assertTrue(e.isConstraintViolation(), e.getMessage());
            assertEquals("23505", e.sqlState());
            assertEquals(1, store.tasksOf("1763900000123").size(), "the first job's tasks are untouched");
            assertEquals(TestStores.job("1763900000123", 0), store.findJob("1763900000123").orElseThrow());
        }
    }

    @Test
    void callOnAClosedStoreSaysWhatWasBeingDone() {
        JobStore store = TestStores.open(data);
        store.close();
        StoreException e = assertThrows(StoreException.class, () -> store.findJob("42"));
        assertEquals("job store: could not find job 42: the store is closed", e.getMessage());
        assertEquals(false, e.isConstraintViolation());
        assertThrows(StoreException.class, () -> store.listJobs(null, 10, 0));
        assertThrows(StoreException.class, () -> store.insertJob(TestStores.job("43", 0), List.of()));
    }

    @Test
    void callAfterTheDataSourceWasClosedUnderTheStoreSaysWhatWasBeingDone() {
        StoreDataSources.Opened source = StoreDataSources.h2File(data);
        JobStore store = new JobStore(source.dataSource());
        source.close();
        StoreException e = assertThrows(StoreException.class, () -> store.tasksOf("42"));
        assertTrue(e.getMessage().startsWith("job store: could not read the tasks of job 42: "), e.getMessage());
    }
}
