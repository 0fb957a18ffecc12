package io.colony.sandbox.internal.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.source.CompilationException;
import io.colony.api.source.Diagnostic;
import io.colony.api.source.SourceCode;
import io.colony.sandbox.internal.compile.CompiledClasses;
import io.colony.sandbox.internal.compile.TestApi;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCompilerTest {

    static final String SQUARES = """
            package demo;

            import io.colony.api.plugin.*;

            public class Squares implements Plugin {
                @Override
                public Payload execute(Payload input, TaskContext context) {
                    long n = Long.parseLong(input.asText().trim());
                    long sum = 0;
                    for (long i = 1; i <= n; i++) {
                        sum += i * i;
                    }
                    return Payload.text(Long.toString(sum));
                }
            }
            """;

    @TempDir
    Path work;

    private final ChildProcesses children = new ChildProcesses();
    private ChildLauncher launcher;

    private ProcessCompiler compiler(Duration prepareTime) {
        return compiler(ProcessSettings.defaults(work).withPrepareTime(prepareTime));
    }

    private ProcessCompiler compiler(ProcessSettings settings) {
        launcher = new ChildLauncher(settings, new CodeSourceClassPath(), children::add);
        return new ProcessCompiler(settings, launcher, new ChildSlots(settings.maxChildren()));
    }

    @AfterEach
    void closeLauncher() {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void compilesInAChildToTheSameClassesAsInProcess() throws Exception {
        SourceCode source = SourceCode.of("demo/Squares.java", SQUARES, "demo.Squares");
        CompiledClasses inChild = compiler(Duration.ofSeconds(60)).compile(source);
        CompiledClasses inProcess = TestApi.compiler().compile(source);
        assertEquals(inProcess.names(), inChild.names());
        assertArrayEquals(inProcess.bytes("demo.Squares"), inChild.bytes("demo.Squares"));
        children.assertAllGone();
        ChildProcesses.assertEmpty(work);
    }

    @Test
    void aSourceThatDoesNotCompileGivesJavacsDiagnosticsWithTheirPositions() throws Exception {
        String broken = "package demo;\npublic class Broken {\n    int x = ;\n}\n";
        CompilationException thrown = assertThrows(CompilationException.class,
                () -> compiler(Duration.ofSeconds(60)).compile(SourceCode.of("demo/Broken.java", broken, "demo.Broken")));
        Diagnostic first = thrown.diagnostics().get(0);
        assertEquals("ERROR", first.kind());
        assertEquals("demo/Broken.java", first.file());
        assertEquals(3, first.line());
        assertEquals(13, first.column());
        children.assertAllGone();
    }

    @Test
    void aCompileBombIsStoppedAtTheTimeLimitAndItsChildKilled() throws Exception {
        long started = System.nanoTime();
        CompilationException thrown = assertThrows(CompilationException.class,
                () -> compiler(Duration.ofSeconds(2)).compile(SourceCode.of("demo/Bomb.java", compileBomb(14), "demo.Bomb")));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(thrown.getMessage().contains("did not compile within 2 s"), thrown.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "took " + took);
        children.assertAllGone();
        ChildProcesses.assertEmpty(work);
    }

    @Test
    void aCompilationThatExhaustsItsChildsHeapEndsAsACompilationFailureNamingTheSetting() throws Exception {
        ProcessSettings small = ProcessSettings.defaults(work).withPrepareTime(Duration.ofSeconds(60)).withPrepareMemoryBytes(48L << 20);
        CompilationException thrown = assertThrows(CompilationException.class,
                () -> compiler(small).compile(SourceCode.of("demo/Doubling.java", constantDoubling(30), "demo.Doubling")));
        assertTrue(thrown.getMessage().contains("needed more than the 48 MiB of heap of its child JVM (process.compile.memory.mib in etc/io.colony.sandbox.cfg)"),
                thrown.getMessage());
        children.assertAllGone();
        ChildProcesses.assertEmpty(work);
    }

    /** String constants each twice the one before: javac folds them, so the last is 16 * 2^doublings characters long. */
    static String constantDoubling(int doublings) {
        StringBuilder source = new StringBuilder("package demo;\npublic class Doubling {\n    static final String A0 = \"0123456789abcdef\";\n");
        for (int i = 1; i <= doublings; i++) {
            source.append("    static final String A").append(i).append(" = A").append(i - 1).append(" + A").append(i - 1).append(";\n");
        }
        return source.append("}\n").toString();
    }

    /** Nested generic calls in conditionals: javac's inference takes time and memory exponential in the depth (10: about 10 s). */
    static String compileBomb(int depth) {
        String expression = "1";
        for (int i = 0; i < depth; i++) {
            expression = "id(b ? " + expression + " : id(2))";
        }
        return "package demo;\npublic class Bomb {\n    static <T> T id(T t) { return t; }\n    void run(boolean b) { Integer r = " + expression
                + "; }\n}\n";
    }
}
