package io.colony.manager.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.JobStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HighestJobIdTest {

    @TempDir
    Path data;

    @Test
    void emptyStoreHasNoNumericId() {
        try (JobStore store = TestStores.open(data)) {
            assertEquals(0, store.highestNumericJobId());
        }
    }

    @Test
    void highestNumericIdIgnoresIdsThatAreNotNumbers() {
        try (JobStore store = TestStores.open(data)) {
            // compared as text "9" > "1763900000123" and "zz" > any digits: the numbers must win
            for (String id : List.of("1763900000123", "9", "zz-import", "1763900000200x", "-1763900009999",
                    "99999999999999999999999", "1763900000124")) {
                store.insertJob(TestStores.job(id, 0), List.of());
            }
            assertEquals(1763900000124L, store.highestNumericJobId());
        }
    }

    @Test
    void highestIdIsRememberedAfterItsJobIsDeletedOrPurgedAndAcrossRestarts() {
        try (JobStore store = TestStores.open(data)) {
            store.insertJob(TestStores.job("500", 0), List.of());
            store.insertJob(TestStores.finishedJob("900", JobStatus.SUCCEEDED, 10, false), List.of());
            store.insertJob(TestStores.finishedJob("800", JobStatus.SUCCEEDED, 10, false), List.of());
            assertTrue(store.deleteJob("900"));
            store.purgeFinishedBefore(TestStores.at(1000));
            assertEquals(900, store.highestNumericJobId());
        }
        try (JobStore reopened = TestStores.open(data)) {
            assertEquals(900, reopened.highestNumericJobId());
        }
    }

    @Test
    void failedInsertDoesNotRaiseTheHighestId() {
        try (JobStore store = TestStores.open(data)) {
            store.insertJob(TestStores.job("5", 0), List.of());
            List<TaskRecord> clash = List.of(TaskRecord.queued("70", 0, null, null, null),
                    TaskRecord.queued("70", 0, null, null, null));
            assertThrows(StoreException.class, () -> store.insertJob(TestStores.job("70", 0), clash));
            assertEquals(5, store.highestNumericJobId());
        }
    }

    @Test
    void onlyPlainDecimalIdsThatFitALongAreNumbers() {
        assertEquals(OptionalLong.of(1763900000123L), JobStore.numericId("1763900000123"));
        assertEquals(OptionalLong.of(7), JobStore.numericId("007"));
        assertEquals(OptionalLong.of(999_999_999_999_999_999L), JobStore.numericId("999999999999999999"));
        for (String notANumber : List.of("", "+5", "-5", "5 ", "1e9", "0x10", "١٢٣", "9999999999999999999")) {
            assertEquals(OptionalLong.empty(), JobStore.numericId(notANumber), notANumber);
        }
    }
}
