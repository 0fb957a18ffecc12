package io.colony.transport.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.source.Diagnostic;
import io.colony.transport.proto.SourceDiagnostic;
import io.colony.transport.proto.TaskOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SourceDiagnosticsTest {

    private static final List<Diagnostic> COMPILED = List.of(
            new Diagnostic("ERROR", "demo/Squares.java", 12, 5, "';' expected"),
            new Diagnostic("WARNING", "demo/Util.java", 3, 17, "[removal] Integer(int) in Integer has been deprecated"),
            new Diagnostic("NOTE", "", 0, 0, "Some input files use unchecked or unsafe operations."));

    @Test
    void diagnosticsSurviveTheWireBothWays() throws Exception {
        TaskOutcome outcome = TaskOutcome.newBuilder().setStatus(TaskOutcome.Status.FAILED)
                .addAllDiagnostics(SourceDiagnostics.toProto(COMPILED)).build();
        TaskOutcome received = TaskOutcome.parseFrom(outcome.toByteArray());

        SourceDiagnostic first = received.getDiagnostics(0);
        assertEquals(SourceDiagnostic.Kind.ERROR, first.getKind());
        assertEquals("demo/Squares.java", first.getFile());
        assertEquals(12, first.getLine());
        assertEquals(5, first.getColumn());
        assertEquals(COMPILED, SourceDiagnostics.fromProto(received.getDiagnosticsList()));
    }

    @Test
    void aWorkerSendsAtMostOneHundredKeepingTheErrorsFirst() {
        List<Diagnostic> many = new ArrayList<>();
        IntStream.rangeClosed(1, 80).forEach(line -> many.add(new Diagnostic("WARNING", "demo/A.java", line, 1, "deprecated")));
        IntStream.rangeClosed(1, 30).forEach(line -> many.add(new Diagnostic("ERROR", "demo/B.java", line, 1, "cannot find symbol")));

        List<SourceDiagnostic> sent = SourceDiagnostics.toProto(many);

        assertEquals(SourceDiagnostics.MAX_COUNT, sent.size());
        assertTrue(sent.subList(0, 30).stream().allMatch(d -> d.getKind() == SourceDiagnostic.Kind.ERROR), "the 30 errors first");
        assertEquals(70, sent.get(99).getLine(), "then the warnings in their order, as many as fit");
    }

    @Test
    void fewerThanTheLimitKeepTheirOrder() {
        List<Diagnostic> mixed = List.of(COMPILED.get(1), COMPILED.get(0), COMPILED.get(2));
        assertEquals(mixed, SourceDiagnostics.bounded(mixed));
    }

    @Test
    void longMessagesAndPathsAreCut() {
        String message = "cannot find symbol " + "x".repeat(5000);
        String path = "demo/" + "a/".repeat(400) + "A.java";
        Diagnostic cut = SourceDiagnostics.bounded(List.of(new Diagnostic("ERROR", path, 1, 1, message))).get(0);

        assertEquals(SourceDiagnostics.MAX_MESSAGE_CHARS, cut.message().length());
        assertTrue(cut.message().startsWith("cannot find symbol xxx") && cut.message().endsWith("..."), cut.message());
        assertEquals(SourceDiagnostics.MAX_FILE_CHARS, cut.file().length());
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String message = "x".repeat(SourceDiagnostics.MAX_MESSAGE_CHARS - 4) + "\uD83D\uDE00" + "y".repeat(10);
        String cut = SourceDiagnostics.bounded(List.of(new Diagnostic("ERROR", "", 0, 0, message))).get(0).message();
        assertEquals("x".repeat(SourceDiagnostics.MAX_MESSAGE_CHARS - 4) + "...", cut);
    }

    @Test
    void aManagerTakesAtMostOneHundredFromAPeerAndChecksEachOne() {
        List<SourceDiagnostic> flood = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            flood.add(SourceDiagnostic.newBuilder().setKind(SourceDiagnostic.Kind.ERROR).setFile("demo/A.java").setLine(i + 1)
                    .setMessage("m".repeat(3000)).build());
        }
        List<Diagnostic> taken = SourceDiagnostics.fromProto(flood);
        assertEquals(SourceDiagnostics.MAX_COUNT, taken.size());
        assertEquals(1, taken.get(0).line());
        assertTrue(taken.stream().allMatch(d -> d.message().length() == SourceDiagnostics.MAX_MESSAGE_CHARS));
    }

    @Test
    void anUnknownKindIsANoteAndAPositionBeyondALongIsUnknown() {
        SourceDiagnostic odd = SourceDiagnostic.newBuilder().setKindValue(42).setFile("demo/A.java").setLine(-1L)
                .setColumn(Long.MIN_VALUE).setMessage("from a newer worker").build();
        SourceDiagnostic unspecified = SourceDiagnostic.newBuilder().setMessage("no kind").build();

        assertEquals(List.of(new Diagnostic("NOTE", "demo/A.java", 0, 0, "from a newer worker"), new Diagnostic("NOTE", "", 0, 0, "no kind")),
                SourceDiagnostics.fromProto(List.of(odd, unspecified)));
    }
}
