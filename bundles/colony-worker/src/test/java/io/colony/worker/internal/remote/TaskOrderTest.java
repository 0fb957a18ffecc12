package io.colony.worker.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.colony.api.plugin.Payload;
import io.colony.transport.proto.Chunk;
import io.colony.transport.proto.PluginCall;
import io.colony.transport.proto.RunTask;
import io.colony.transport.proto.RunTask.Phase;
import io.colony.worker.internal.remote.TaskOrder.InvalidTaskException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskOrderTest {

    private static RunTask.Builder task() {
        return RunTask.newBuilder().setJobId("j1").setTaskIndex(2).setAttempt(1).setTimeoutMillis(1_000)
                .setPlugin(PluginCall.newBuilder().setName("primes"));
    }

    private static String problem(RunTask.Builder task) {
        return assertThrows(InvalidTaskException.class, () -> TaskOrder.parse("m1", task.build())).getMessage();
    }

    @Test
    void pluginTaskIsReadWithItsKeyAndInput() throws Exception {
        TaskOrder order = TaskOrder.parse("m1", task().setPlugin(PluginCall.newBuilder().setName(" primes ").setVersionRange("[1,2)"))
                .setInput(Chunk.newBuilder().setData(ByteString.copyFromUtf8("{}")).setContentType(Payload.JSON)).build());
        assertEquals(new AttemptKey("m1", "j1", 2, 1), order.key());
        assertEquals("primes", order.plugin());
        assertEquals("[1,2)", order.versionRange());
        assertEquals(Payload.json("{}"), order.input());
        assertEquals(Duration.ofSeconds(1), order.timeout());
        assertEquals("plugin primes [1,2) (EXECUTE)", order.describe());
    }

    @Test
    void missingInputAndBlankVersionRangeMeanEmptyInputAndNewestVersion() throws Exception {
        TaskOrder order = TaskOrder.parse("m1", task().setPlugin(PluginCall.newBuilder().setName("primes").setVersionRange(" ")).build());
        assertNull(order.versionRange());
        assertEquals(Payload.empty(), order.input());
        assertEquals(Payload.empty(), TaskOrder.parse("m1", task().setInput(Chunk.getDefaultInstance()).build()).input());
    }

    @Test
    void splitNeedsAChunkCountWithinTheJobLimit() {
        assertEquals("chunks: must be from 1 to 100000 to split, was 0", problem(task().setPhase(Phase.SPLIT)));
        assertEquals("chunks: must be from 1 to 100000 to split, was 100001", problem(task().setPhase(Phase.SPLIT).setChunks(100_001)));
    }

    @Test
    void reduceNeedsTheChunkResults() {
        assertEquals("parts: missing (REDUCE needs the chunk results)", problem(task().setPhase(Phase.REDUCE)));
    }

    @Test
    void partWithoutContentTypeIsNamedByItsIndex() {
        RunTask.Builder task = task().setPhase(Phase.REDUCE).addParts(Payloads.chunk(Payload.text("1")))
                .addParts(Chunk.newBuilder().setData(ByteString.copyFromUtf8("2")));
        assertEquals("parts[1].content_type: missing for 1 bytes of data", problem(task));
    }

    @Test
    void partWithAMalformedContentTypeIsNamedWithTheReason() {
        RunTask.Builder task = task().setPhase(Phase.REDUCE).addParts(Chunk.newBuilder().setContentType("json"));
        assertEquals("parts[0].content_type: content type 'json' is not of the form type/subtype", problem(task));
    }

    @Test
    void commandCanOnlyBeExecuted() {
        assertEquals("phase: a command can only be executed, not used for SPLIT; chunks: must be from 1 to 100000 to split, was 0",
                problem(task().setCommand("ls").setPhase(Phase.SPLIT)));
        assertEquals("command: the command line is empty", problem(task().setCommand("  ")));
    }

    @Test
    void unknownPhaseIsNamedByItsNumber() {
        assertEquals("phase: unknown value 7", problem(task().setPhaseValue(7)));
    }

    @Test
    void blankPluginNameIsMissing() {
        assertEquals("plugin.name: missing", problem(task().setPlugin(PluginCall.newBuilder().setName(" "))));
    }

    @Test
    void textThatWouldForgeLogLinesIsRefusedWithoutBeingRepeated() {
        assertEquals("plugin.name: not a plugin name (1 to 128 letters, digits, '.', '_' or '-')",
                problem(task().setPlugin(PluginCall.newBuilder().setName("primes\n2026-01-01 INFO forged"))));
        assertEquals("job_id: must be at most 200 characters without control characters", problem(task().setJobId("j1\rforged")));
        assertEquals("plugin.version_range: must be at most 200 characters without control characters",
                problem(task().setPlugin(PluginCall.newBuilder().setName("primes").setVersionRange("[1,2)" + "0".repeat(200)))));
    }

    @Test
    void timeoutUpToThirtyDaysIsAccepted() throws Exception {
        assertEquals(Duration.ofDays(30), TaskOrder.parse("m1", task().setTimeoutMillis(Duration.ofDays(30).toMillis()).build()).timeout());
        assertEquals("timeout_millis: 2592000001 ms is more than the most a task may run, 30 days (2592000000 ms)",
                problem(task().setTimeoutMillis(Duration.ofDays(30).toMillis() + 1)));
    }

    @Test
    void partsAreKeptInTheirOrder() throws Exception {
        List<Payload> parts = List.of(Payload.text("b"), Payload.text("a"), Payload.json("{}"));
        RunTask.Builder task = task().setPhase(Phase.REDUCE);
        parts.forEach(part -> task.addParts(Payloads.chunk(part)));
        assertEquals(parts, TaskOrder.parse("m1", task.build()).parts());
    }
}
