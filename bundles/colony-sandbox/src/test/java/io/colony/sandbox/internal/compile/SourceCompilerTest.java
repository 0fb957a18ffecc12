package io.colony.sandbox.internal.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.source.CompilationException;
import io.colony.api.source.Diagnostic;
import io.colony.api.source.SourceCode;
import io.colony.sandbox.internal.threads.BoundedThreads;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceCompilerTest {

    private static final String SQUARES = String.join("\n",
            "package demo;",
            "import io.colony.api.plugin.*;",
            "public class Squares implements Plugin {",
            "    record Row(int n, long square) {}",
            "    @Override",
            "    public Payload execute(Payload input, TaskContext context) {",
            "        int n = Integer.parseInt(input.asText().trim());",
            "        Row row = new Row(n, (long) n * n);",
            "        return Payload.text(Long.toString(row.square()));",
            "    }",
            "}");

    private final SourceCompiler compiler = TestApi.compiler();

    @Test
    void compilesEveryClassOfTheSourceInMemory() throws Exception {
        CompiledClasses classes = compiler.compile(SourceCode.of("demo/Squares.java", SQUARES, "demo.Squares"));
        assertEquals(Set.of("demo.Squares", "demo.Squares$Row"), classes.names());
        byte[] bytes = classes.bytes("demo.Squares");
        assertEquals(0xCAFEBABE, ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff));
        assertEquals(61, bytes[7], "class file version of Java 17");
    }

    @Test
    void compilesSeveralFilesThatReferToEachOther() throws Exception {
        SourceCode source = new SourceCode(Map.of(
                "demo/Main.java", "package demo; public class Main { int twice(int x) { return demo.util.Maths.twice(x); } }",
                "demo/util/Maths.java", "package demo.util; public class Maths { public static int twice(int x) { return 2 * x; } }"),
                "demo.Main");
        assertEquals(Set.of("demo.Main", "demo.util.Maths"), compiler.compile(source).names());
    }

    @Test
    void reportsEachErrorWithItsFileLineAndColumn() {
        String broken = String.join("\n",
                "package demo;",
                "public class Broken {",
                "    int f() {",
                "        return undefinedName;",
                "    }",
                "    void g() { int x = \"text\"; }",
                "}");
        CompilationException thrown = assertThrows(CompilationException.class,
                () -> compiler.compile(SourceCode.of("demo/Broken.java", broken, "demo.Broken")));
        List<Diagnostic> errors = thrown.diagnostics().stream().filter(d -> d.kind().equals("ERROR")).toList();
        assertEquals(2, errors.size(), errors.toString());
        Diagnostic first = errors.get(0);
        assertEquals("demo/Broken.java", first.file());
        assertEquals(4, first.line());
        assertEquals(16, first.column());
        assertTrue(first.message().contains("cannot find symbol"), first.message());
        assertEquals(6, errors.get(1).line());
        assertTrue(thrown.getMessage().startsWith("the source does not compile: demo/Broken.java:4:16: error: cannot find symbol"),
                thrown.getMessage());
    }

    @Test
    void aPublicClassInAFileOfAnotherNameIsAnErrorOfThatFile() {
        CompilationException thrown = assertThrows(CompilationException.class,
                () -> compiler.compile(SourceCode.of("demo/Other.java", "package demo; public class Squares {}", "demo.Squares")));
        Diagnostic error = thrown.diagnostics().get(0);
        assertEquals("demo/Other.java", error.file());
        assertTrue(error.message().contains("should be declared in a file named Squares.java"), error.message());
    }

    @Test
    void theClassPathHoldsOnlyThePluginApi() {
        String usesAsm = "package demo; public class UsesAsm { Object reader = new org.objectweb.asm.ClassReader(new byte[0]); }";
        CompilationException asm = assertThrows(CompilationException.class,
                () -> compiler.compile(SourceCode.of("demo/UsesAsm.java", usesAsm, "demo.UsesAsm")));
        assertTrue(asm.getMessage().contains("package org.objectweb.asm does not exist"), asm.getMessage());

        String usesSource = "package demo; public class UsesSource { io.colony.api.source.SourceCode code; }";
        CompilationException source = assertThrows(CompilationException.class,
                () -> compiler.compile(SourceCode.of("demo/UsesSource.java", usesSource, "demo.UsesSource")));
        assertTrue(source.getMessage().contains("package io.colony.api.source does not exist"), source.getMessage());
    }

    @Test
    void compilesAgainstTheJava17PlatformWhateverTheJdk() {
        // String.indent is Java 12, so it is there; the Java 21 SequencedCollection must not be
        String usesJava21 = "package demo; public class New { Object first(java.util.List<String> l) { return l.getFirst(); } }";
        CompilationException thrown = assertThrows(CompilationException.class,
                () -> compiler.compile(SourceCode.of("demo/New.java", usesJava21, "demo.New")));
        assertTrue(thrown.getMessage().contains("cannot find symbol"), thrown.getMessage());
    }

    @Test
    void aCompilationPastItsTimeLimitIsAbandonedAndItsThreadEndsAtJavacsNextPhase() throws Exception {
        BoundedThreads threads = new BoundedThreads("source compiler", 1, 1, Duration.ofSeconds(5), SourceCompiler::compilerThread);
        SourceCompiler hurried = new SourceCompiler(TestApi.CLASS_FILES, Duration.ofMillis(1), threads);
        CompilationException thrown = assertThrows(CompilationException.class,
                () -> hurried.compile(SourceCode.of("demo/Squares.java", SQUARES, "demo.Squares")));
        assertTrue(thrown.getMessage().contains("did not compile within 1 ms, the sandbox's compile time limit (compile.seconds in"
                + " etc/io.colony.sandbox.cfg); javac was told to stop"), thrown.getMessage());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (threads.abandoned() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, threads.abandoned(), "the abandoned javac thread ended");
    }
}
