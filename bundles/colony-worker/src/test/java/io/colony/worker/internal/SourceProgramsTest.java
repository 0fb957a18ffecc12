package io.colony.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.TaskContext;
import io.colony.api.source.CompilationException;
import io.colony.api.source.CompiledSource;
import io.colony.api.source.Diagnostic;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceCode;
import io.colony.api.source.SourceSandbox;
import io.colony.api.trust.Decision;
import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskFailedException.Reason;
import io.colony.api.worker.TaskRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceProgramsTest {

    private static final SourceCode BROKEN = SourceCode.of("demo/Squares.java", "package demo; public class Squares { int x }",
            "demo.Squares");
    private static final List<Diagnostic> DIAGNOSTICS = List.of(
            new Diagnostic("ERROR", "demo/Squares.java", 1, 42, "';' expected"),
            new Diagnostic("WARNING", "demo/Squares.java", 1, 1, "[serial] serializable class has no serialVersionUID"));

    private final TestPlugins.RecordingLog log = new TestPlugins.RecordingLog();
    private final TaskRunner runner = new TaskRunner(new WorkerSettings(1, 1), TestPlugins.create(), new JacksonJsonCodec(), log.logger);
    private final SourcePrograms sources = new SourcePrograms(log.logger);

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void aSourceThatDoesNotCompileFailsTheTaskAndKeepsTheCompilersDiagnostics() throws Exception {
        sources.setTrust(request -> Decision.allow("allowed by the test"));
        sources.setSandbox(new NotCompiling());

        var future = sources.run(TaskRequest.source(BROKEN, Payload.text("3"), Duration.ofMinutes(1)), fraction -> { }, runner);

        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        TaskFailedException failed = assertInstanceOf(TaskFailedException.class, e.getCause());
        assertEquals(Reason.PLUGIN_ERROR, failed.reason());
        assertEquals("the source does not compile: demo/Squares.java:1:42: error: ';' expected", failed.getMessage());
        assertEquals(DIAGNOSTICS, CompilationException.diagnosticsOf(failed));
    }

    /** A sandbox whose compiler rejects every source with {@link #DIAGNOSTICS}. */
    private static final class NotCompiling implements SourceSandbox {
        @Override
        public CompiledSource compile(SourceCode source, SandboxPolicy policy) throws CompilationException {
            throw new CompilationException(DIAGNOSTICS);
        }

        @Override
        public Payload run(CompiledSource program, Payload input, TaskContext context, SandboxPolicy policy) {
            throw new AssertionError("a source that does not compile never runs");
        }
    }
}
