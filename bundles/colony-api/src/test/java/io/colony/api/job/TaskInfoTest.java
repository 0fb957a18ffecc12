package io.colony.api.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.colony.api.source.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskInfoTest {

    @Test
    void theOlderConstructorsGiveNoDiagnostics() {
        TaskInfo plain = new TaskInfo("1", 0, TaskStatus.FAILED, "w1", null, 1, null, null, 0, null, "boom");
        TaskInfo withSetup = new TaskInfo("1", 0, TaskStatus.FAILED, "w1", null, 1, null, null, 0, null, "boom", null);
        assertEquals(List.of(), plain.diagnostics());
        assertEquals(plain, withSetup);
    }

    @Test
    void diagnosticsAreNeverNullAndCannotBeChangedAfterwards() {
        assertEquals(List.of(), new TaskInfo("1", 0, TaskStatus.FAILED, "w1", null, 1, null, null, 0, null, "x", null, null)
                .diagnostics());
        List<Diagnostic> given = new ArrayList<>(List.of(new Diagnostic("ERROR", "demo/A.java", 1, 2, "';' expected")));
        TaskInfo task = new TaskInfo("1", 0, TaskStatus.FAILED, "w1", null, 1, null, null, 0, null, "x", null, given);
        given.clear();
        assertEquals(1, task.diagnostics().size());
        assertThrows(UnsupportedOperationException.class, () -> task.diagnostics().clear());
    }
}
