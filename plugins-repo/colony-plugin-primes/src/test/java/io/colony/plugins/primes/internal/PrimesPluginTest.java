package io.colony.plugins.primes.internal;

import io.colony.plugins.testkit.Json;
import io.colony.plugins.testkit.TestTaskContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrimesPluginTest {

    private final PrimesPlugin plugin = new PrimesPlugin();
    private final JsonCodec json = Json.codec();

    @ParameterizedTest(name = "[{0}, {1}] holds {2} primes")
    @CsvSource({
            "0, 100, 25",
            "1, 1000000, 78498",
            "1000000, 2000000, 70435",
            "0, 10000000, 664579",
            "7919, 7919, 1",
            "7920, 7920, 0",
            "2, 2, 1",
            "3, 3, 1",
            "4, 4, 0",
            "0, 0, 0",
            "1, 1, 0",
            "0, 1, 0",
            "0, 2, 1",
            "1, 2, 1",
            "999999999989, 999999999989, 1"})
    void countsKnownValues(long from, long to, long expected) throws Exception {
        PrimeCount result = count(from, to, TestTaskContext.running());
        assertEquals(new PrimeCount(from, to, expected), result);
    }

    @Test
    void agreesWithAProbablePrimeTestNearTheUpperLimit() throws Exception {
        long from = PrimeRange.MAX_TO - 20_000;
        assertEquals(countByPrimalityTest(from, PrimeRange.MAX_TO), count(from, PrimeRange.MAX_TO, TestTaskContext.running()).count());
    }

    @Test
    void agreesWithAPlainSieveOnRangesStartingAndEndingAnywhere() throws Exception {
        int limit = 3 * SegmentedSieve.SEGMENT_SIZE;
        long[] primesUpTo = primeCountsUpTo(limit);
        for (long from = 0; from < 40; from++) {
            long to = limit - 3 * from;
            long expected = primesUpTo[(int) to] - (from == 0 ? 0 : primesUpTo[(int) from - 1]);
            assertEquals(expected, count(from, to, TestTaskContext.running()).count(), "[" + from + ", " + to + "]");
        }
    }

    @Test
    void reportsProgressOncePerSegmentUpToOne() throws Exception {
        TestTaskContext context = TestTaskContext.running();
        count(0, 10_000_000, context);
        List<Double> progress = context.progress();
        assertEquals((10_000_000 / 2 + SegmentedSieve.SEGMENT_SIZE - 1) / SegmentedSieve.SEGMENT_SIZE, progress.size());
        for (int index = 1; index < progress.size(); index++) {
            assertTrue(progress.get(index) > progress.get(index - 1));
        }
        assertEquals(1.0, progress.get(progress.size() - 1));
    }

    @ParameterizedTest(name = "{0} chunks")
    @ValueSource(ints = {1, 2, 3, 7, 16, 64})
    void splitExecuteAndReduceGiveTheUnsplitCount(int chunks) throws Exception {
        Payload workload = range(999_983, 3_141_592);
        List<Payload> parts = plugin.split(workload, chunks, json);
        assertEquals(chunks, parts.size());
        List<Payload> results = new ArrayList<>();
        for (Payload part : parts) {
            results.add(plugin.execute(part, TestTaskContext.running()));
        }
        PrimeCount reduced = json.decode(plugin.reduce(workload, results, json), PrimeCount.class);
        assertEquals(new PrimeCount(999_983, 3_141_592, count(999_983, 3_141_592, TestTaskContext.running()).count()), reduced);
    }

    @Test
    void splitCutsContiguousRangesThatCoverTheWorkload() throws Exception {
        List<Payload> parts = plugin.split(range(10, 100_009), 7, json);
        long next = 10;
        for (Payload part : parts) {
            RangeJson chunk = json.decode(part, RangeJson.class);
            assertEquals(next, chunk.from());
            assertTrue(chunk.to() - chunk.from() + 1 >= 100_000 / 7);
            next = chunk.to() + 1;
        }
        assertEquals(100_010, next);
    }

    @Test
    void splitMakesFewerChunksOfASmallRange() throws Exception {
        assertEquals(1, plugin.split(range(0, 100), 8, json).size());
        assertEquals(6, plugin.split(range(0, 5_999), 100, json).size());
        assertEquals(5, plugin.split(range(1, 5_000), 100, json).size());
    }

    @Test
    void splitRejectsFewerChunksThanARangeTooWideForOneTaskNeeds() {
        PluginException e = assertThrows(PluginException.class, () -> plugin.split(range(0, PrimeRange.MAX_TO), 2, json));
        assertTrue(e.getMessage().startsWith("chunks: "), e.getMessage());
        assertTrue(e.getMessage().contains("at least 501 chunks"), e.getMessage());
    }

    @Test
    void splitRejectsZeroChunks() {
        PluginException e = assertThrows(PluginException.class, () -> plugin.split(range(0, 100), 0, json));
        assertEquals("chunks: must be >= 1 (chunks=0)", e.getMessage());
    }

    @Test
    void executeRejectsARangeTooWideForOneTask() {
        PluginException e = assertThrows(PluginException.class,
                () -> plugin.execute(range(0, PrimeRange.MAX_TASK_WIDTH), TestTaskContext.running()));
        assertTrue(e.getMessage().startsWith("to: one task counts at most"), e.getMessage());
    }

    @Test
    void reduceRejectsAGapBetweenChunks() {
        List<Payload> results = List.of(result(0, 99, 25), result(101, 200, 21));
        PluginException e = assertThrows(PluginException.class, () -> plugin.reduce(range(0, 200), results, json));
        assertEquals("results[1].from: expected 100 so that the chunks are contiguous, got 101", e.getMessage());
    }

    @Test
    void reduceRejectsChunksOutOfOrder() {
        List<Payload> results = List.of(result(100, 200, 21), result(0, 99, 25));
        PluginException e = assertThrows(PluginException.class, () -> plugin.reduce(range(0, 200), results, json));
        assertTrue(e.getMessage().startsWith("results[0].from: "), e.getMessage());
    }

    @Test
    void reduceRejectsChunksThatStopShortOfTheWorkload() {
        List<Payload> results = List.of(result(0, 99, 25));
        PluginException e = assertThrows(PluginException.class, () -> plugin.reduce(range(0, 200), results, json));
        assertEquals("results: the chunks end at 99 but the workload at 200", e.getMessage());
    }

    @Test
    void reduceRejectsNoResults() {
        PluginException e = assertThrows(PluginException.class, () -> plugin.reduce(range(0, 200), List.of(), json));
        assertTrue(e.getMessage().startsWith("results: "), e.getMessage());
    }

    @Test
    void reduceNamesTheResultThatIsNotJson() {
        List<Payload> results = List.of(result(0, 99, 25), Payload.text("oops"));
        PluginException e = assertThrows(PluginException.class, () -> plugin.reduce(range(0, 200), results, json));
        assertTrue(e.getMessage().startsWith("results[1]: "), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"to\": 10}                    | from: is required",
            "{\"from\": 10}                  | to: is required",
            "{\"from\": -1, \"to\": 10}      | from: must be >= 0 (from=-1)",
            "{\"from\": 10, \"to\": 5}       | to: must be >= from (from=10, to=5)",
            "{\"from\": 0, \"to\": 1000000000001} | to: must be <= 1000000000000 (to=1000000000001)",
            "{\"from\": \"ten\", \"to\": 5}  | from: ",
            "null                            | input: ",
            "[1, 2]                          | input: ",
            "from 1 to 10                    | input: "})
    void rejectsBadInputNamingTheField(String input, String expectedMessageStart) {
        PluginException e = assertThrows(PluginException.class,
                () -> plugin.execute(Payload.json(input), TestTaskContext.running()));
        assertTrue(e.getMessage().startsWith(expectedMessageStart.strip()), e.getMessage());
        assertThrows(PluginException.class, () -> plugin.split(Payload.json(input), 4, json));
    }

    @Test
    void stopsBeforeSievingWhenAlreadyCancelled() {
        TestTaskContext context = TestTaskContext.cancelledAfter(0);
        assertThrows(CancellationException.class, () -> plugin.execute(range(0, 100_000_000), context));
        assertEquals(List.of(), context.progress());
    }

    @Test
    void stopsBetweenSegmentsOnceCancelled() {
        TestTaskContext context = TestTaskContext.cancelledAfter(3);
        assertThrows(CancellationException.class, () -> plugin.execute(range(0, 100_000_000), context));
        assertEquals(3, context.progress().size());
    }

    private PrimeCount count(long from, long to, TestTaskContext context) throws Exception {
        return json.decode(plugin.execute(range(from, to), context), PrimeCount.class);
    }

    private Payload range(long from, long to) {
        return Payload.json("{\"from\": " + from + ", \"to\": " + to + "}");
    }

    private Payload result(long from, long to, long count) {
        return Payload.json("{\"from\": " + from + ", \"to\": " + to + ", \"count\": " + count + "}");
    }

    /** {@code counts[n]} is the number of primes up to {@code n}, by a plain sieve. */
    private static long[] primeCountsUpTo(int limit) {
        boolean[] composite = new boolean[limit + 1];
        long[] counts = new long[limit + 1];
        for (int n = 2; n <= limit; n++) {
            if (!composite[n]) {
                for (long multiple = (long) n * n; multiple <= limit; multiple += n) {
                    composite[(int) multiple] = true;
                }
            }
            counts[n] = counts[n - 1] + (composite[n] ? 0 : 1);
        }
        return counts;
    }

    private static long countByPrimalityTest(long from, long to) {
        long count = 0;
        for (long n = from; n <= to; n++) {
            if (BigInteger.valueOf(n).isProbablePrime(40)) {
                count++;
            }
        }
        return count;
    }
}
