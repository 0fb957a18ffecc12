package io.colony.shell.internal.command;

import io.colony.worker.internal.JacksonJsonCodec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.plugin.Payload;
import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskFailedException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-07T12:04:05Z"), ZoneOffset.UTC);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10};

    @TempDir
    Path directory;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(diagnostics, true, StandardCharsets.UTF_8);

    private void run(FakeWorker worker, String... args) {
        new RunCommand(worker, worker, new JacksonJsonCodec(), directory.resolve("data/results"), CLOCK)
                .execute(RunArguments.parse(args), directory, out, err);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsThePluginWithTheInputAndPrintsAJsonResult() {
        FakeWorker worker = new FakeWorker(FakeWorker.plugin("primes")).answering(Payload.json("{\"count\":168}"));
        run(worker, "--timeout", "30s", "--version", "1.0", "primes", "from=1", "to=1000");
        assertEquals("primes", worker.request.plugin());
        assertEquals("1.0", worker.request.versionRange());
        assertEquals(Duration.ofSeconds(30), worker.request.timeout());
        assertEquals(Payload.json("{\"from\":1,\"to\":1000}"), worker.request.input());
        assertEquals(0, worker.chunks);
        assertEquals("{\"count\":168}\n", printed());
        assertTrue(diagnostics.toString(StandardCharsets.UTF_8).matches("colony:run: primes took \\d+ ms\\R"), diagnostics.toString(StandardCharsets.UTF_8));
    }

    @Test
    void splitsIntoChunksWhenAsked() {
        FakeWorker worker = new FakeWorker(FakeWorker.plugin("primes")).answering(Payload.text("done\n"));
        run(worker, "--chunks", "4", "primes", "from=1", "to=1000");
        assertEquals(4, worker.chunks);
        assertEquals("done\n", printed());
    }

    @Test
    void writesABinaryResultUnderTheResultsFolder() throws IOException {
        FakeWorker worker = new FakeWorker(FakeWorker.plugin("mandelbrot")).answering(Payload.of(PNG, Payload.PNG));
        run(worker, "mandelbrot", "width=64");
        Path file = directory.resolve("data/results/mandelbrot-20250307-120405.png");
        assertArrayEquals(PNG, Files.readAllBytes(file));
        assertEquals("wrote 6 bytes (image/png) to " + file + "\n", printed());
    }

    @Test
    void writesTheResultToTheOutFileRelativeToTheWorkingDirectory() throws IOException {
        FakeWorker worker = new FakeWorker(FakeWorker.plugin("mandelbrot")).answering(Payload.of(PNG, Payload.PNG));
        run(worker, "--out", "tiles/one.png", "mandelbrot", "width=64");
        Path file = directory.resolve("tiles/one.png");
        assertArrayEquals(PNG, Files.readAllBytes(file));
        assertEquals("wrote 6 bytes (image/png) to " + file + "\n", printed());
    }

    @Test
    void aPluginFailureIsReportedInWords() {
        FakeWorker worker = new FakeWorker(FakeWorker.plugin("primes"))
                .failing(new TaskFailedException(Reason.PLUGIN_ERROR, "to: must be >= from"));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> run(worker, "primes", "from=9", "to=1"));
        assertEquals("colony:run: plugin failed: to: must be >= from", error.getMessage());
    }

    @Test
    void everyFailureReasonHasWords() {
        assertEquals("colony:run: timed out: ran longer than 1s",
                RunCommand.failure(new TaskFailedException(Reason.TIMEOUT, "ran longer than 1s")).getMessage());
        assertEquals("colony:run: rejected: the queue is full",
                RunCommand.failure(new TaskFailedException(Reason.REJECTED, "the queue is full")).getMessage());
        assertEquals("colony:run: cancelled: stopped",
                RunCommand.failure(new java.util.concurrent.CompletionException(
                        new TaskFailedException(Reason.CANCELLED, "stopped"))).getMessage());
        assertEquals("colony:run: unknown plugin: none",
                RunCommand.failure(new TaskFailedException(Reason.UNKNOWN_PLUGIN, "none")).getMessage());
        assertEquals("colony:run: failed: boom", RunCommand.failure(new IllegalStateException("boom")).getMessage());
    }

    @Test
    void anUnknownPluginIsReportedWithThePluginsThereAre() {
        FakeWorker worker = new FakeWorker(FakeWorker.plugin("mandelbrot"), FakeWorker.plugin("primes"));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> run(worker, "prime", "from=1"));
        assertEquals("colony:run: unknown plugin: no plugin 'prime' on this node (available: mandelbrot, primes)",
                error.getMessage());
        error = assertThrows(IllegalStateException.class, () -> run(worker, "--version", "[9,10)", "primes", "from=1"));
        assertEquals("colony:run: unknown plugin: no plugin 'primes' in version range [9,10) on this node "
                + "(available: mandelbrot, primes)", error.getMessage());
        error = assertThrows(IllegalStateException.class, () -> run(new FakeWorker(), "primes", "from=1"));
        assertEquals("colony:run: unknown plugin: no plugin 'primes' on this node "
                + "(this node has no plugins; drop a plugin bundle into deploy/)", error.getMessage());
    }

    @Test
    void badInputIsReportedWithoutRunningAnything() {
        FakeWorker worker = new FakeWorker(FakeWorker.plugin("primes"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> run(worker, "primes", "@nope.json"));
        assertEquals("colony:run: input: @nope.json (" + directory.resolve("nope.json") + "): no such file", error.getMessage());
        assertEquals(null, worker.request);
    }

    @Test
    void interruptingTheCommandCancelsTheTask() throws InterruptedException {
        FakeWorker worker = new FakeWorker(FakeWorker.plugin("primes"));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread command = new Thread(() -> {
            try {
                run(worker, "primes", "from=1");
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        }, "run-command-under-test");
        command.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (worker.request == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        command.interrupt();
        command.join(5000);
        assertTrue(worker.answer.isCancelled(), "the task was not cancelled");
        assertEquals("colony:run: interrupted; the task was cancelled", thrown.get().getMessage());
    }

    @Test
    void givesUpAndCancelsWhenTheWorkerOverrunsTheTimeout() {
        CompletableFuture<Payload> never = new CompletableFuture<>();
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> RunCommand.await(never, Duration.ofMillis(50), Duration.ZERO));
        assertEquals("colony:run: timed out: no result within 50ms", error.getMessage());
        assertTrue(never.isCancelled());
    }
}
