package io.colony.manager.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.colony.api.source.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsColumnTest {

    @Test
    void diagnosticsComeBackAsWritten() {
        List<Diagnostic> diagnostics = List.of(
                new Diagnostic("ERROR", "demo/Squares.java", 7, 21, "cannot find symbol\n  symbol:   class Sqaure\n  location: class demo.Squares"),
                new Diagnostic("WARNING", "demo/Größe.java", 1, 1, "\"quoted\" and \\ backslash"));
        String column = DiagnosticsColumn.write(diagnostics);
        assertEquals(diagnostics, DiagnosticsColumn.read(column));
    }

    @Test
    void noDiagnosticsIsNull() {
        assertNull(DiagnosticsColumn.write(List.of()));
        assertEquals(List.of(), DiagnosticsColumn.read(null));
    }

    @Test
    void aColumnThatIsNotTheWrittenShapeIsReportedAsUnreadable() {
        StoreException notJson = assertThrows(StoreException.class, () -> DiagnosticsColumn.read("[{\"kind\""));
        assertEquals("a task's compiler diagnostics in the store are not readable: [{\"kind\"", notJson.getMessage());
        assertThrows(StoreException.class, () -> DiagnosticsColumn.read("{\"kind\":\"ERROR\"}"));
        assertThrows(StoreException.class, () -> DiagnosticsColumn.read("[{\"kind\":\"ERROR\",\"file\":\"\",\"line\":1}]"));
    }
}
