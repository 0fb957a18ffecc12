package io.colony.manager.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.colony.api.job.Work;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.source.CompilationException;
import io.colony.api.source.Diagnostic;
import io.colony.api.source.SourceCode;
import io.colony.api.worker.LocalExecutor;
import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.Test;

class LocalWorkerTest {

    private static final Attempt SOURCE_ATTEMPT = new Attempt("7", 0, 1, new Work.SourceWork(SourceCode.of("demo/Squares.java",
            "package demo; public class Squares { int x }", "demo.Squares")), Payload.text("3"), Duration.ofMinutes(1));

    @Test
    void aSourceThatDoesNotCompileOnThisNodeFailsTheAttemptWithTheCompilersDiagnostics() throws Exception {
        List<Diagnostic> diagnostics = List.of(new Diagnostic("ERROR", "demo/Squares.java", 1, 43, "';' expected"));
        CompilationException compilation = new CompilationException(diagnostics);
        LocalWorker worker = new LocalWorker("m1", new FailingExecutor(new TaskFailedException(TaskFailedException.Reason.PLUGIN_ERROR,
                compilation.getMessage(), new PluginException(compilation.getMessage(), compilation))), () -> null);

        Outcome outcome = worker.execute(SOURCE_ATTEMPT, fraction -> { }).get(5, TimeUnit.SECONDS);

        assertEquals(Outcome.Kind.FAILED, outcome.kind());
        assertEquals("the source does not compile: demo/Squares.java:1:43: error: ';' expected", outcome.error());
        assertEquals(diagnostics, outcome.diagnostics());
    }

    /** The node's executor, whose every run fails with one failure. */
    private record FailingExecutor(RuntimeException failure) implements LocalExecutor {
        @Override
        public CompletableFuture<Payload> run(TaskRequest request, DoubleConsumer progress) {
            return CompletableFuture.failedFuture(failure);
        }

        @Override
        public CompletableFuture<Payload> runSplit(TaskRequest request, int chunks, DoubleConsumer progress) {
            return CompletableFuture.failedFuture(failure);
        }

        @Override
        public CompletableFuture<List<Payload>> split(TaskRequest request, int chunks) {
            return CompletableFuture.failedFuture(failure);
        }

        @Override
        public CompletableFuture<Payload> reduce(TaskRequest request, List<Payload> results) {
            return CompletableFuture.failedFuture(failure);
        }

        @Override
        public int slots() {
            return 1;
        }
    }
}
