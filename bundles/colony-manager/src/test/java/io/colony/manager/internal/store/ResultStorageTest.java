package io.colony.manager.internal.store;

import static io.colony.manager.internal.store.TestStores.at;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStorageTest {

    @TempDir
    Path data;

    private JobStore store;

    @BeforeEach
    void open() {
        store = TestStores.open(data);
        store.insertJob(TestStores.job("7", 0), TestStores.tasks("7", 3));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void jobAndTaskResultsAreReadBackByIndex() {
        ResultRecord jobResult = TestStores.result("7", ResultRecord.JOB_RESULT, "5761455");
        ResultRecord first = TestStores.result("7", 0, "1229");
        ResultRecord third = TestStores.result("7", 2, "1033");
        store.saveResult(third);
        store.saveResult(jobResult);
        store.saveResult(first);

        assertEquals(Optional.of(jobResult), store.jobResultOf("7"));
        assertEquals(Optional.of(first), store.resultOf("7", 0));
        assertEquals(Optional.empty(), store.resultOf("7", 1));
        SortedMap<Integer, ResultRecord> tasks = store.taskResultsOf("7");
        assertEquals(List.of(0, 2), List.copyOf(tasks.keySet()), "task results only, by index, without the job's");
        assertEquals(first, tasks.get(0));
        assertEquals(third, tasks.get(2));
    }

    @Test
    void emptyOutputIsStoredAsEmptyNotMissing() {
        ResultRecord empty = new ResultRecord("7", 1, new byte[0], "application/octet-stream", at(5));
        store.saveResult(empty);
        ResultRecord read = store.resultOf("7", 1).orElseThrow();
        assertEquals(0, read.bytes().length);
        assertEquals(empty, read);
    }

    @Test
    void binaryResultKeepsEveryByteValue() {
        byte[] bytes = new byte[256 * 40 + 3];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        store.saveResult(new ResultRecord("7", ResultRecord.JOB_RESULT, bytes, "image/png", at(9)));
        ResultRecord read = store.jobResultOf("7").orElseThrow();
        assertArrayEquals(bytes, read.bytes());
        assertEquals("image/png", read.contentType());
        assertEquals(at(9), read.storedAt());
    }

    @Test
    void savingAgainReplacesTheEarlierResult() {
        store.saveResult(TestStores.result("7", 0, "first try"));
        ResultRecord second = TestStores.result("7", 0, "second try");
        store.saveResult(second);
        assertEquals(Optional.of(second), store.resultOf("7", 0));
        assertEquals(1, store.taskResultsOf("7").size());
    }

    @Test
    void resultOfAJobThatIsNotStoredIsRefusedByTheDatabase() {
        StoreException e = assertThrows(StoreException.class,
                () -> store.saveResult(TestStores.result("8", 0, "orphan")));
        assertTrue(e.isConstraintViolation(), e.getMessage());
        assertTrue(e.getMessage().contains("save result 8#0"), e.getMessage());
    }

    @Test
    void resultLargerThanTheMaximumIsRefusedBeforeTheDatabase() {
        store.close();
        store = new JobStore(StoreDataSources.h2File(data), Duration.ofSeconds(5), 1024);
        store.saveResult(new ResultRecord("7", 0, new byte[1024], "application/octet-stream", at(1)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.saveResult(new ResultRecord("7", 1, new byte[1025], "application/octet-stream", at(1))));
        assertTrue(e.getMessage().startsWith("bytes: result 7#1 has 1025 bytes, more than the job store's maximum of"
                + " 1024"), e.getMessage());
        assertEquals(Optional.empty(), store.resultOf("7", 1));

        IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
                () -> store.insertJob(TestStores.job("9", 0), List.of(TaskRecord.queued("9", 0, null, new byte[2000],
                        "application/octet-stream"))));
        assertTrue(input.getMessage().startsWith("tasks[0].input: task 9#0 has 2000 bytes"), input.getMessage());
        assertEquals(Optional.empty(), store.findJob("9"));
    }
}
