package io.colony.worker.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.colony.api.plugin.PluginException;
import io.colony.api.source.CompilationException;
import io.colony.api.source.Diagnostic;
import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskFailedException.Reason;
import io.colony.transport.proto.SourceDiagnostic;
import io.colony.transport.proto.TaskOutcome;
import io.colony.transport.proto.TaskOutcome.Status;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    private static TaskOutcome failure(Throwable failure) {
        return Outcomes.failure(failure).build();
    }

    @Test
    void executorFailuresAreUnwrappedAndKeepTheirMessage() {
        TaskOutcome outcome = failure(new CompletionException(new TaskFailedException(Reason.PLUGIN_ERROR, "width: must be positive")));
        assertEquals(Status.FAILED, outcome.getStatus());
        assertEquals("width: must be positive", outcome.getError());
    }

    @Test
    void missingPluginIsARefusal() {
        assertEquals(Status.REFUSED, failure(new TaskFailedException(Reason.UNKNOWN_PLUGIN, "no plugin 'x'")).getStatus());
    }

    @Test
    void workCancelledOnTheWorkerWithoutTheManagerAskingIsAFailureNotAKill() {
        TaskOutcome byPlugin = failure(new TaskFailedException(Reason.CANCELLED, "task t-3 was cancelled"));
        assertEquals(Status.FAILED, byPlugin.getStatus());
        assertEquals("task t-3 was cancelled", byPlugin.getError());
        TaskOutcome future = failure(new CompletionException(new CancellationException()));
        assertEquals(Status.FAILED, future.getStatus());
        assertEquals("the work was cancelled on this worker", future.getError());
    }

    @Test
    void aSourceThatDidNotCompileFailsWithTheCompilersDiagnostics() {
        CompilationException compilation = new CompilationException(List.of(
                new Diagnostic("ERROR", "demo/Squares.java", 12, 5, "';' expected"),
                new Diagnostic("NOTE", "", 0, 0, "Some input files use unchecked or unsafe operations.")));
        TaskFailedException failed = new TaskFailedException(Reason.PLUGIN_ERROR, compilation.getMessage(),
                new PluginException(compilation.getMessage(), compilation));

        TaskOutcome outcome = failure(new CompletionException(failed));

        assertEquals(Status.FAILED, outcome.getStatus());
        assertEquals("the source does not compile: demo/Squares.java:12:5: error: ';' expected", outcome.getError());
        assertEquals(List.of(
                SourceDiagnostic.newBuilder().setKind(SourceDiagnostic.Kind.ERROR).setFile("demo/Squares.java").setLine(12)
                        .setColumn(5).setMessage("';' expected").build(),
                SourceDiagnostic.newBuilder().setKind(SourceDiagnostic.Kind.NOTE)
                        .setMessage("Some input files use unchecked or unsafe operations.").build()),
                outcome.getDiagnosticsList());
    }

    @Test
    void aFailureThatIsNoCompilationHasNoDiagnostics() {
        TaskOutcome outcome = failure(new TaskFailedException(Reason.PLUGIN_ERROR, "width: must be positive",
                new PluginException("width: must be positive")));
        assertEquals(List.of(), outcome.getDiagnosticsList());
    }

    @Test
    void unexpectedFailureWithoutMessageIsNamedByItsType() {
        assertEquals("java.lang.NullPointerException", failure(new NullPointerException()).getError());
    }
}
