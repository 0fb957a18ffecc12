package io.colony.api.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class CompilationExceptionTest {

    private static final Diagnostic MISSING_SEMICOLON = new Diagnostic("ERROR", "demo/Squares.java", 12, 5, "';' expected");
    private static final Diagnostic UNCHECKED = new Diagnostic("WARNING", "demo/Squares.java", 3, 1, "unchecked call");

    @Test
    void messageShowsTheErrorsInTheCompilersForm() {
        CompilationException e = new CompilationException(List.of(UNCHECKED, MISSING_SEMICOLON));
        assertEquals("the source does not compile: demo/Squares.java:12:5: error: ';' expected", e.getMessage());
    }

    @Test
    void diagnosticsAreFoundDeepInACauseChain() {
        CompilationException compilation = new CompilationException(List.of(MISSING_SEMICOLON, UNCHECKED));
        Throwable failure = new CompletionException(new IllegalStateException("task failed",
                new RuntimeException(compilation.getMessage(), compilation)));
        assertEquals(List.of(MISSING_SEMICOLON, UNCHECKED), CompilationException.diagnosticsOf(failure));
    }

    @Test
    void theFirstCompilationExceptionOfTheChainCounts() {
        CompilationException inner = new CompilationException("compilation took longer than 30 s");
        CompilationException outer = new CompilationException(List.of(MISSING_SEMICOLON));
        outer.initCause(inner);
        assertEquals(List.of(MISSING_SEMICOLON), CompilationException.diagnosticsOf(outer));
    }

    @Test
    void aFailureWithoutACompilationExceptionHasNoDiagnostics() {
        assertEquals(List.of(), CompilationException.diagnosticsOf(new IllegalStateException("x", new RuntimeException("y"))));
        assertEquals(List.of(), CompilationException.diagnosticsOf(null));
    }

    @Test
    void aCauseChainWithACycleEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertEquals(List.of(), CompilationException.diagnosticsOf(first));
    }
}
