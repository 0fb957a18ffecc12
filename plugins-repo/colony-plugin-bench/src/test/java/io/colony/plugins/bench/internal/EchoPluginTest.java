package io.colony.plugins.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.plugins.testkit.Json;
import io.colony.plugins.testkit.TestTaskContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EchoPluginTest {

    private final EchoPlugin plugin = new EchoPlugin();
    private final JsonCodec json = Json.codec();

    @Test
    void executeReturnsItsInput() {
        Payload kib = Payload.of(new byte[1024], Payload.BINARY);
        assertEquals(kib, plugin.execute(kib, TestTaskContext.running()));
        assertEquals(Payload.empty(), plugin.execute(Payload.empty(), TestTaskContext.running()));
    }

    @Test
    void splitExecuteAndReduceCountTasksAndBytes() throws Exception {
        Payload workload = Payload.json("{\"tasks\": 1000, \"bytes\": 1024}");
        List<Payload> chunks = plugin.split(workload, 1000, json);
        assertEquals(1000, chunks.size());
        List<Payload> results = new ArrayList<>();
        for (Payload chunk : chunks) {
            assertEquals(1024, chunk.size());
            results.add(plugin.execute(chunk, TestTaskContext.running()));
        }
        WorkloadJson reduced = json.decode(plugin.reduce(workload, results, json), WorkloadJson.class);
        assertEquals(new WorkloadJson(1000L, 1024_000L), reduced);
    }

    @Test
    void emptyTasksByDefault() throws Exception {
        List<Payload> chunks = plugin.split(Payload.json("{\"tasks\": 100000}"), 100_000, json);
        assertEquals(100_000, chunks.size());
        assertEquals(0, chunks.get(99_999).size());
    }

    @Test
    void refusesTooFewChunksAndBadWorkloads() {
        assertMessage("tasks: 10 tasks need \"chunks\" of at least 10, got 8",
                () -> plugin.split(Payload.json("{\"tasks\": 10, \"bytes\": 0}"), 8, json));
        assertMessage("tasks: must be from 1 to 100000", () -> plugin.split(Payload.json("{\"tasks\": 100001}"), 100_000, json));
        assertMessage("tasks: must be from 1 to 100000", () -> plugin.split(Payload.json("{\"tasks\": 0}"), 1, json));
        assertMessage("tasks: required", () -> plugin.split(Payload.json("{\"bytes\": 3}"), 1, json));
        assertMessage("bytes: must be >= 0", () -> plugin.split(Payload.json("{\"tasks\": 1, \"bytes\": -1}"), 1, json));
        assertMessage("bytes: must be >= 0", () -> plugin.split(Payload.json("{\"tasks\": 100000, \"bytes\": 1024}"), 100_000, json));
    }

    @Test
    void reduceChecksTheResults() throws Exception {
        Payload workload = Payload.json("{\"tasks\": 2, \"bytes\": 1}");
        Payload one = Payload.of(new byte[1], Payload.BINARY);
        assertMessage("expected 2 results, got 1", () -> plugin.reduce(workload, List.of(one), json));
        assertMessage("results[1]: expected 1 bytes, got 0", () -> plugin.reduce(workload, List.of(one, Payload.empty()), json));
    }

    private static void assertMessage(String start, org.junit.jupiter.api.function.Executable call) {
        PluginException e = assertThrows(PluginException.class, call);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
