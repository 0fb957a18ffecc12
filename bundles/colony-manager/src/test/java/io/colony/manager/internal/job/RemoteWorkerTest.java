package io.colony.manager.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.colony.api.job.Work;
import io.colony.api.plugin.Payload;
import io.colony.api.source.Diagnostic;
import io.colony.api.source.SourceCode;
import io.colony.transport.api.Peer;
import io.colony.transport.api.SourceDiagnostics;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.SourceDiagnostic;
import io.colony.transport.proto.TaskOutcome;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RemoteWorkerTest {

    private static final Attempt SOURCE_ATTEMPT = new Attempt("7", 0, 1, new Work.SourceWork(SourceCode.of("demo/Squares.java",
            "package demo; public class Squares { int x }", "demo.Squares")), Payload.text("3"), Duration.ofMinutes(1));

    /** A worker's peer that answers every request with one outcome. */
    private static Peer answering(TaskOutcome answer) {
        return (Peer) Proxy.newProxyInstance(Peer.class.getClassLoader(), new Class<?>[] {Peer.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "nodeId" -> "w1";
                    case "isConnected" -> true;
                    case "request" -> CompletableFuture.completedFuture(Envelope.newBuilder().setTaskOutcome(answer).build());
                    default -> throw new UnsupportedOperationException(method.getName() + " is not used by RemoteWorker.execute");
                });
    }

    private static Outcome answeredWith(TaskOutcome.Builder answer) throws Exception {
        RemoteWorker worker = new RemoteWorker(answering(answer.build()), new ProgressRoutes());
        return worker.execute(SOURCE_ATTEMPT, fraction -> { }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aFailedOutcomeCarriesTheCompilersDiagnostics() throws Exception {
        Outcome outcome = answeredWith(TaskOutcome.newBuilder().setStatus(TaskOutcome.Status.FAILED)
                .setError("the source does not compile: demo/Squares.java:1:43: error: ';' expected")
                .addDiagnostics(SourceDiagnostic.newBuilder().setKind(SourceDiagnostic.Kind.ERROR).setFile("demo/Squares.java")
                        .setLine(1).setColumn(43).setMessage("';' expected")));

        assertEquals(Outcome.Kind.FAILED, outcome.kind());
        assertEquals(List.of(new Diagnostic("ERROR", "demo/Squares.java", 1, 43, "';' expected")), outcome.diagnostics());
    }

    @Test
    void theManagerTakesNoMoreDiagnosticsFromAWorkerThanTheBoundsAllow() throws Exception {
        TaskOutcome.Builder flood = TaskOutcome.newBuilder().setStatus(TaskOutcome.Status.FAILED).setError("does not compile");
        IntStream.range(0, 1000).forEach(i -> flood.addDiagnostics(SourceDiagnostic.newBuilder().setKindValue(99)
                .setFile("demo/Squares.java").setLine(i + 1).setMessage("x".repeat(10_000))));

        Outcome outcome = answeredWith(flood);

        assertEquals(SourceDiagnostics.MAX_COUNT, outcome.diagnostics().size());
        Diagnostic first = outcome.diagnostics().get(0);
        assertEquals("NOTE", first.kind(), "a kind the manager does not know");
        assertEquals(SourceDiagnostics.MAX_MESSAGE_CHARS, first.message().length());
    }
}
