package io.colony.plugins.stats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.plugins.testkit.Json;
import io.colony.plugins.testkit.TestTaskContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatsPluginTest {

    private final StatsPlugin plugin = new StatsPlugin();
    private final JsonCodec json = Json.codec();

    @Test
    void summarisesAKnownSample() throws Exception {
        Summary summary = summarise(2, 4, 4, 4, 5, 5, 7, 9);
        assertEquals(8, summary.count());
        assertEquals(40.0, summary.sum());
        assertEquals(5.0, summary.mean());
        assertEquals(32.0 / 7, summary.variance(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7), summary.standardDeviation(), 1e-12);
        assertEquals(2.0, summary.min());
        assertEquals(9.0, summary.max());
        assertEquals(4.5, summary.median());
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleValue() throws Exception {
        assertEquals(3.0, summarise(5, 1, 3, 100, -7).median());
    }

    @Test
    void aSingleValueHasNoSpread() throws Exception {
        assertEquals(new Summary(1, -2.5, -2.5, 0, 0, -2.5, -2.5, -2.5), summarise(-2.5));
    }

    @Test
    void answersTheDocumentedJsonFields() throws Exception {
        Payload result = plugin.execute(values(1, 2, 3), TestTaskContext.running());
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = json.decode(result, Map.class);
        assertEquals(List.of("count", "sum", "mean", "variance", "standardDeviation", "min", "max", "median"),
                List.copyOf(fields.keySet()));
        assertEquals(3, fields.get("count"));
        assertEquals(2.0, fields.get("median"));
        assertEquals(Payload.JSON, result.contentType());
    }

    @Test
    void agreesWithATwoPassComputationOnRandomValues() throws Exception {
        double[] values = new Random(42).doubles(100_001, -1e6, 1e6).toArray();
        Summary summary = summarise(values);
        double mean = Arrays.stream(values).sum() / values.length;
        double squares = Arrays.stream(values).map(value -> (value - mean) * (value - mean)).sum();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        assertEquals(values.length, summary.count());
        assertEquals(mean, summary.mean(), 1e-6);
        assertEquals(Math.sqrt(squares / (values.length - 1)), summary.standardDeviation(), 1e-6);
        assertEquals(sorted[0], summary.min());
        assertEquals(sorted[values.length - 1], summary.max());
        assertEquals(sorted[values.length / 2], summary.median());
    }

    @ParameterizedTest(name = "{0} chunks")
    @ValueSource(ints = {1, 2, 3, 7, 16, 64})
    void splitExecuteAndReduceGiveTheUnsplitSummaryWithoutTheMedian(int chunks) throws Exception {
        double[] values = new Random(chunks).doubles(10_007, -50, 150).toArray();
        Payload workload = values(values);
        List<Payload> parts = plugin.split(workload, chunks, json);
        assertEquals(chunks, parts.size());
        List<Payload> results = new ArrayList<>();
        for (Payload part : parts) {
            results.add(plugin.execute(part, TestTaskContext.running()));
        }
        Payload reducedPayload = plugin.reduce(workload, results, json);
        CombinedSummary reduced = json.decode(reducedPayload, CombinedSummary.class);
        Summary whole = summarise(values);
        assertEquals(whole.count(), reduced.count());
        assertEquals(whole.sum(), reduced.sum(), 1e-9 * Math.abs(whole.sum()));
        assertEquals(whole.mean(), reduced.mean(), 1e-12);
        assertEquals(whole.variance(), reduced.variance(), 1e-9 * whole.variance());
        assertEquals(whole.standardDeviation(), reduced.standardDeviation(), 1e-9 * whole.standardDeviation());
        assertEquals(whole.min(), reduced.min());
        assertEquals(whole.max(), reduced.max());
        assertFalse(reducedPayload.asText().contains("median"), reducedPayload.asText());
    }

    @Test
    void splitCutsContiguousSlicesThatHoldEveryValueInOrder() throws Exception {
        double[] values = new double[100];
        Arrays.setAll(values, index -> index);
        List<Payload> parts = plugin.split(values(values), 7, json);
        assertEquals(7, parts.size());
        List<Double> seen = new ArrayList<>();
        for (Payload part : parts) {
            double[] slice = json.decode(part, ValuesJson.class).values();
            assertTrue(slice.length == 14 || slice.length == 15, "slice of " + slice.length);
            Arrays.stream(slice).forEach(seen::add);
        }
        assertEquals(Arrays.stream(values).boxed().toList(), seen);
    }

    @Test
    void splitMakesNoMoreChunksThanValues() throws Exception {
        assertEquals(3, plugin.split(values(1, 2, 3), 8, json).size());
        assertEquals(1, plugin.split(values(1), 100, json).size());
    }

    @Test
    void splitRejectsZeroChunks() {
        PluginException e = assertThrows(PluginException.class, () -> plugin.split(values(1, 2), 0, json));
        assertEquals("chunks: must be >= 1 (chunks=0)", e.getMessage());
    }

    @Test
    void reduceRejectsChunksThatDoNotAddUpToTheWorkload() throws Exception {
        List<Payload> results = List.of(plugin.execute(values(1, 2), TestTaskContext.running()));
        PluginException e = assertThrows(PluginException.class, () -> plugin.reduce(values(1, 2, 3), results, json));
        assertEquals("results: the chunks summarise 2 values but the workload holds 3", e.getMessage());
    }

    @Test
    void reduceRejectsNoResults() {
        PluginException e = assertThrows(PluginException.class, () -> plugin.reduce(values(1), List.of(), json));
        assertEquals("results: no chunk results to combine", e.getMessage());
    }

    @Test
    void reduceNamesTheResultThatIsNotASummary() throws Exception {
        List<Payload> results = List.of(plugin.execute(values(1), TestTaskContext.running()), Payload.text("oops"));
        PluginException e = assertThrows(PluginException.class, () -> plugin.reduce(values(1, 2), results, json));
        assertTrue(e.getMessage().startsWith("results[1]: "), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"count\": 0, \"sum\": 0, \"mean\": 0, \"variance\": 0, \"standardDeviation\": 0, \"min\": 0, \"max\": 0, \"median\": 0}"
                    + " | results[0].count: must be >= 1, got 0",
            "{\"count\": 2, \"sum\": 2, \"mean\": 1, \"variance\": -1, \"standardDeviation\": 0, \"min\": 0, \"max\": 2, \"median\": 1}"
                    + " | results[0].variance: must be a finite number >= 0, got -1.0",
            "{\"count\": 2, \"sum\": 2, \"mean\": 1, \"variance\": 1, \"standardDeviation\": 1, \"min\": 3, \"max\": 2, \"median\": 1}"
                    + " | results[0].min: must be <= max (min=3.0, max=2.0)"})
    void reduceRejectsAnImpossibleSummary(String result, String expectedMessage) {
        PluginException e = assertThrows(PluginException.class,
                () -> plugin.reduce(values(0, 2), List.of(Payload.json(result)), json));
        assertEquals(expectedMessage.strip(), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{}                                  | values: is required",
            "{\"values\": null}                  | values: is required",
            "{\"values\": []}                    | values: must hold at least one number",
            "{\"values\": [1, \"NaN\"]}          | values[1]: must be a finite number, got NaN",
            "{\"values\": [1, \"-Infinity\"]}    | values[1]: must be a finite number, got -Infinity",
            "{\"values\": [1, null]}             | values[1]: ",
            "{\"values\": [1, \"two\"]}          | values[1]: ",
            "{\"values\": [1, [2]]}              | values[1]: ",
            "{\"values\": 3}                     | values: ",
            "{\"values\": [1], \"extra\": true}  | extra: unknown field",
            "null                                | input: ",
            "[1, 2]                              | input: ",
            "1 2 3                               | input: "})
    void rejectsBadInputNamingTheField(String input, String expectedMessageStart) {
        PluginException e = assertThrows(PluginException.class,
                () -> plugin.execute(Payload.json(input), TestTaskContext.running()));
        assertTrue(e.getMessage().startsWith(expectedMessageStart.strip()), e.getMessage());
        assertThrows(PluginException.class, () -> plugin.split(Payload.json(input), 4, json));
        assertThrows(PluginException.class, () -> plugin.reduce(Payload.json(input), List.of(values(1)), json));
    }

    @Test
    void rejectsValuesWhoseSumOverflows() {
        PluginException e = assertThrows(PluginException.class,
                () -> plugin.execute(values(1e308, 1e308), TestTaskContext.running()));
        assertTrue(e.getMessage().startsWith("values: too large in magnitude"), e.getMessage());
    }

    @Test
    void reportsProgressOncePerBlockUpToOne() throws Exception {
        TestTaskContext context = TestTaskContext.running();
        plugin.execute(values(new double[3 * Statistics.BLOCK + 1]), context);
        List<Double> progress = context.progress();
        assertEquals(4, progress.size());
        for (int index = 1; index < progress.size(); index++) {
            assertTrue(progress.get(index) > progress.get(index - 1));
        }
        assertEquals(1.0, progress.get(progress.size() - 1));
    }

    @Test
    void stopsBeforeSummarisingWhenAlreadyCancelled() {
        TestTaskContext context = TestTaskContext.cancelledAfter(0);
        assertThrows(CancellationException.class, () -> plugin.execute(values(1, 2, 3), context));
        assertEquals(List.of(), context.progress());
    }

    @Test
    void stopsBetweenBlocksOnceCancelled() {
        TestTaskContext context = TestTaskContext.cancelledAfter(2);
        assertThrows(CancellationException.class,
                () -> plugin.execute(values(new double[5 * Statistics.BLOCK]), context));
        assertEquals(2, context.progress().size());
    }

    private Summary summarise(double... values) throws Exception {
        return json.decode(plugin.execute(values(values), TestTaskContext.running()), Summary.class);
    }

    private Payload values(double... values) throws PluginException {
        return json.encode(new ValuesJson(values));
    }
}
