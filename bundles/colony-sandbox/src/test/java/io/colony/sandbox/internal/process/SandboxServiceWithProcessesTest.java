package io.colony.sandbox.internal.process;

import static io.colony.sandbox.internal.run.Programs.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.plugin.Payload;
import io.colony.api.source.CompiledSource;
import io.colony.api.source.Isolation;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceCode;
import io.colony.api.source.VerificationException;
import io.colony.sandbox.internal.SandboxSettings;
import io.colony.sandbox.internal.SourceSandboxService;
import io.colony.sandbox.internal.run.TestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SourceSandbox API with both isolations, as the worker uses it. */
class SandboxServiceWithProcessesTest {

    @TempDir
    Path work;

    private static SandboxPolicy policy(Isolation isolation) {
        return new SandboxPolicy(isolation, Duration.ofSeconds(30), Duration.ofSeconds(30), 64L << 20, 1 << 20, 1 << 16, List.of());
    }

    @Test
    void compilesOnceAndRunsInAChildOrInProcessAsThePolicySays() throws Exception {
        SourceSandboxService sandbox = ProcessIsolation.sandboxWithoutFramework(SandboxSettings.defaults(), work);
        try {
            SourceCode source = plugin("        return Payload.text(input.asText().toUpperCase(Locale.ROOT) + \" \" + Math.max(3, 7));");
            CompiledSource inChild = sandbox.compile(source, policy(Isolation.PROCESS));
            assertFalse(inChild.fromCache());
            assertTrue(sandbox.compile(source, policy(Isolation.PROCESS)).fromCache());
            assertEquals("HELLO 7", sandbox.run(inChild, Payload.text("hello"), new TestContext(), policy(Isolation.PROCESS)).asText());

            CompiledSource inProcess = sandbox.compile(source, policy(Isolation.IN_PROCESS));
            assertEquals("HELLO 7", sandbox.run(inProcess, Payload.text("hello"), new TestContext(), policy(Isolation.IN_PROCESS)).asText());
            assertEquals(inChild.hash(), inProcess.hash());
        } finally {
            sandbox.close();
        }
        ChildProcesses.assertEmpty(work);
    }

    @Test
    void aRefusedSourceIsRefusedTheSameInProcessIsolation() throws Exception {
        SourceSandboxService sandbox = ProcessIsolation.sandboxWithoutFramework(SandboxSettings.defaults(), work);
        try {
            SourceCode exits = plugin("        System.exit(3); return null;");
            VerificationException inChild = assertThrows(VerificationException.class, () -> sandbox.compile(exits, policy(Isolation.PROCESS)));
            VerificationException inProcess = assertThrows(VerificationException.class, () -> sandbox.compile(exits, policy(Isolation.IN_PROCESS)));
            assertEquals(inProcess.violations(), inChild.violations());
        } finally {
            sandbox.close();
        }
    }
}
