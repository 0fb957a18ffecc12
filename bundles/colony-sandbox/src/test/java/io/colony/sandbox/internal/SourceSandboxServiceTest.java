package io.colony.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.source.CompilationException;
import io.colony.api.source.CompiledSource;
import io.colony.api.source.Isolation;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceCode;
import io.colony.api.source.VerificationException;
import io.colony.sandbox.internal.run.Programs;
import io.colony.sandbox.internal.run.TestContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SourceSandboxServiceTest {

    private static final SourceSandboxService SANDBOX = SandboxFactory.withoutFramework();
    private static final SandboxPolicy IN_PROCESS = policy(Isolation.IN_PROCESS, List.of());

    @AfterAll
    static void close() {
        SANDBOX.close();
    }

    private static SandboxPolicy policy(Isolation isolation, List<String> allowlist) {
        return new SandboxPolicy(isolation, Duration.ofSeconds(10), Duration.ofSeconds(10), 64L << 20, 1 << 20, 1 << 16, allowlist);
    }

    private static SourceCode squares(String salt) {
        return Programs.plugin("        int n = Integer.parseInt(input.asText()); return Payload.text(n * n + \"" + salt + "\");");
    }

    @Test
    void compilesAndRunsSource() throws Exception {
        CompiledSource compiled = SANDBOX.compile(squares("run"), IN_PROCESS);
        assertEquals("demo.Main", compiled.entryClass());
        assertEquals(1, compiled.classCount());
        assertEquals(64, compiled.hash().length());
        assertEquals("49run", SANDBOX.run(compiled, Payload.text("7"), new TestContext(), IN_PROCESS).asText());
    }

    @Test
    void equalSourceComesFromTheCache() throws Exception {
        CompiledSource first = SANDBOX.compile(squares("cache"), IN_PROCESS);
        CompiledSource second = SANDBOX.compile(squares("cache"), IN_PROCESS);
        assertFalse(first.fromCache());
        assertTrue(second.fromCache());
        assertEquals(first.hash(), second.hash());
        assertEquals(first.compileTime(), second.compileTime());
        assertEquals("9cache", SANDBOX.run(second, Payload.text("3"), new TestContext(), IN_PROCESS).asText());
    }

    @Test
    void anotherAllowlistIsAnotherEntry() throws Exception {
        CompiledSource plain = SANDBOX.compile(squares("allow"), IN_PROCESS);
        CompiledSource extended = SANDBOX.compile(squares("allow"), policy(Isolation.IN_PROCESS, List.of("java.util.WeakHashMap")));
        assertFalse(extended.fromCache());
        assertNotEquals(plain.hash(), extended.hash());
    }

    @Test
    void aVerificationFailureIsCachedToo() throws Exception {
        SourceCode source = Programs.plugin("        System.exit(1); return null;");
        VerificationException first = assertThrows(VerificationException.class, () -> SANDBOX.compile(source, IN_PROCESS));
        int cached = SANDBOX.cached();
        VerificationException second = assertThrows(VerificationException.class, () -> SANDBOX.compile(source, IN_PROCESS));
        assertEquals(first.violations(), second.violations());
        assertEquals(cached, SANDBOX.cached());
    }

    @Test
    void aCompilationFailureIsCachedWithItsDiagnostics() throws Exception {
        SourceCode source = Programs.plugin("        return Payload.text(undefined);");
        CompilationException first = assertThrows(CompilationException.class, () -> SANDBOX.compile(source, IN_PROCESS));
        int cached = SANDBOX.cached();
        CompilationException second = assertThrows(CompilationException.class, () -> SANDBOX.compile(source, IN_PROCESS));
        assertEquals(first.diagnostics(), second.diagnostics());
        assertEquals(cached, SANDBOX.cached());
    }

    @Test
    void anIsolationWithoutARunnerIsRefusedNamingTheKey() {
        CompilationException thrown = assertThrows(CompilationException.class,
                () -> SANDBOX.compile(squares("process"), policy(Isolation.PROCESS, List.of())));
        assertEquals("the source does not compile: error: this worker's source sandbox cannot run source with isolation process"
                + " (source.isolation in etc/io.colony.trust.cfg); it offers [in-process]", thrown.getMessage());
    }

    @Test
    void aProgramVerifiedAgainstAnotherAllowlistIsNotRun() throws Exception {
        CompiledSource compiled = SANDBOX.compile(squares("stale"), policy(Isolation.IN_PROCESS, List.of("java.util.WeakHashMap")));
        PluginException thrown = assertThrows(PluginException.class,
                () -> SANDBOX.run(compiled, Payload.text("2"), new TestContext(), IN_PROCESS));
        assertTrue(thrown.getMessage().contains("was verified against another allowlist"), thrown.getMessage());
    }

    @Test
    void aCompiledSourceOfAnotherSandboxIsRefused() {
        CompiledSource foreign = new CompiledSource() {
            public String hash() {
                return "x";
            }

            public String entryClass() {
                return "demo.Main";
            }

            public int classCount() {
                return 1;
            }

            public Duration compileTime() {
                return Duration.ZERO;
            }

            public boolean fromCache() {
                return false;
            }
        };
        assertThrows(IllegalArgumentException.class, () -> SANDBOX.run(foreign, Payload.empty(), new TestContext(), IN_PROCESS));
    }

    @Test
    void theCacheDropsTheLeastRecentlyUsed() throws Exception {
        SourceSandboxService small = SandboxFactory.withoutFramework(new SandboxSettings(2, Duration.ofSeconds(30), 1, 1, 1));
        try {
            small.compile(squares("a"), IN_PROCESS);
            small.compile(squares("b"), IN_PROCESS);
            assertTrue(small.compile(squares("a"), IN_PROCESS).fromCache());
            small.compile(squares("c"), IN_PROCESS);
            assertEquals(2, small.cached());
            assertTrue(small.compile(squares("a"), IN_PROCESS).fromCache());
            assertFalse(small.compile(squares("b"), IN_PROCESS).fromCache());
        } finally {
            small.close();
        }
    }

    @Test
    void aMalformedSettingIsReportedWithItsKey() {
        Exception thrown = assertThrows(RuntimeException.class, () -> SandboxSettings.read(java.util.Map.of("cache.entries", "0")));
        assertTrue(thrown.getMessage().contains("cache.entries"), thrown.getMessage());
    }
}
