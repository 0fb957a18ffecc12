package io.colony.manager.internal.json;

import static io.colony.manager.internal.json.SpecJson.read;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobSpec;
import io.colony.api.job.ResultAction;
import io.colony.api.job.Strategy;
import io.colony.api.job.Targets;
import io.colony.api.plugin.Payload;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobSpecJsonReadTest {

    @Test
    void absentFieldsTakeTheDefaults() throws JobRejectedException {
        assertEquals(JobSpec.plugin("primes").build(), read("{'plugin': 'primes'}"));
    }

    @Test
    void readsEveryFieldGiven() throws JobRejectedException {
        JobSpec expected = JobSpec.plugin("primes", "[1.0,2)")
                .split(Payload.json("{\"limit\": 50000000}"), 16)
                .targets(Targets.query("cores >= 4 && data.gpu == true"))
                .strategy(Strategy.LEAST_LOADED)
                .result(new ResultAction.Post(URI.create("https://example.org/hook")))
                .taskTimeout(Duration.ofSeconds(30))
                .retries(5)
                .priority(7)
                .durable(false)
                .build();
        assertEquals(expected, read("{'plugin': {'name': 'primes', 'version': '[1.0,2)'}, 'input': {'limit': 50000000},"
                + " 'chunks': 16, 'targets': {'query': 'cores >= 4 && data.gpu == true'}, 'strategy': 'least-loaded',"
                + " 'result': {'post': 'https://example.org/hook'}, 'taskTimeout': '30s', 'retries': 5, 'priority': 7,"
                + " 'durable': false}"));
    }

    @Test
    void keepsAJsonInputByteForByte() throws JobRejectedException {
        String input = "{\"b\" : 1,\n  \"a\": [1.50, 2e3, 12345678901234567890.123, \"\\u00e9 é\"], \"c\": null }";
        Payload payload = read("{'plugin': 'p', 'input': " + input.replace('"', '\'') + " }").input();
        assertEquals(Payload.JSON, payload.contentType());
        assertArrayEquals(input.getBytes(StandardCharsets.UTF_8), payload.bytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"'text'", "-12.5e-3", "true", "false", "null", "[]", "{}"})
    void readsAnyJsonValueAsTheInput(String value) throws JobRejectedException {
        assertEquals(Payload.json(SpecJson.json(value)), read("{'plugin': 'p', 'input': " + value + "}").input());
    }

    @Test
    void readsTextInput() throws JobRejectedException {
        assertEquals(Payload.text("héllo\nwörld"), read("{'plugin': 'p', 'inputText': 'héllo\\nwörld'}").input());
    }

    @Test
    void readsBase64InputIgnoringLineBreaksAndMissingPadding() throws JobRejectedException {
        Payload hello = Payload.of("hello".getBytes(StandardCharsets.US_ASCII), "application/x-greeting");
        assertAll(
                () -> assertEquals(hello, read("{'plugin': 'p', 'inputBase64': 'aGVsbG8=', 'contentType': 'application/x-greeting'}").input()),
                () -> assertEquals(hello, read("{'plugin': 'p', 'inputBase64': 'aGVs\\r\\nbG8', 'contentType': 'application/x-greeting'}").input()));
    }

    @Test
    void readsAContentTypeWithParameters() throws JobRejectedException {
        assertEquals("text/csv; charset=\"utf-8\"; header=present", read("{'plugin': 'p', 'inputBase64': '',"
                + " 'contentType': 'text/csv; charset=\\'utf-8\\'; header=present'}").input().contentType());
    }

    @Test
    void noInputIsAnEmptyInput() throws JobRejectedException {
        assertEquals(Payload.empty(), read("{'command': 'ls'}").input());
    }

    @Test
    void readsKeywordsInAnyCase() throws JobRejectedException {
        JobSpec spec = read("{'command': 'ls', 'targets': 'ALL', 'strategy': 'Least_Loaded', 'result': 'Keep'}");
        assertAll(
                () -> assertEquals(Targets.all(), spec.targets()),
                () -> assertEquals(Strategy.LEAST_LOADED, spec.strategy()),
                () -> assertEquals(new ResultAction.Keep(), spec.result()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plugin-affinity", "plugin_affinity", "PLUGIN-AFFINITY", "Plugin_Affinity"})
    void readsStrategyWithDashesOrUnderscores(String strategy) throws JobRejectedException {
        assertEquals(Strategy.PLUGIN_AFFINITY, read("{'plugin': 'p', 'strategy': '" + strategy + "'}").strategy());
    }

    @Test
    void readsTargetsInEveryForm() throws JobRejectedException {
        assertAll(
                () -> assertEquals(Targets.any(), read("{'command': 'ls', 'targets': 'any'}").targets()),
                () -> assertEquals(Targets.all(), read("{'command': 'ls', 'targets': 'all'}").targets()),
                () -> assertEquals(Targets.workers("w1", "w2"),
                        read("{'command': 'ls', 'targets': {'workers': ['w1', 'w2']}}").targets()),
                () -> assertEquals(Targets.query("cores >= 4"),
                        read("{'command': 'ls', 'targets': {'query': 'cores >= 4'}}").targets()));
    }

    @Test
    void chunksZeroRunsTheInputWhole() throws JobRejectedException {
        assertEquals(false, read("{'plugin': 'p', 'input': [1, 2], 'chunks': 0}").isSplit());
    }
}
